package gsvtrainer.audio;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;

/**
 * Tells whether a file is audio without converting it: FFmpeg opens the container and reads its
 * header. Only when the container declares no duration are the samples decoded to measure it.
 */
public final class AudioProbe {

    private AudioProbe() {
    }

    public static AudioInfo probe(Path file) throws BadAudioException, IOException {
        try (FfmpegInput input = FfmpegInput.open(file)) {
            AudioInfo info = input.info();
            if (!Double.isNaN(info.durationSeconds())) {
                return info;
            }
            long[] samples = {0};
            new SegmentedDecoder(1).decode(input, block -> samples[0] += block.count());
            return new AudioInfo(info.format(), info.codec(), info.sampleRate(), info.channels(),
                    (double) samples[0] / info.sampleRate());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while probing " + file.getFileName());
        } catch (SegmentedDecoder.NotJoinable e) {
            throw new IllegalStateException("one decoder has nothing to join", e);
        }
    }
}
