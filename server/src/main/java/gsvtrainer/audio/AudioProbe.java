package gsvtrainer.audio;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.javacv.Frame;

/**
 * Tells whether a file is audio without converting it: FFmpeg opens the container and reads its
 * header. Only when the container declares no duration are the samples decoded to measure it.
 */
public final class AudioProbe {

    private AudioProbe() {
    }

    public static AudioInfo probe(Path file) throws BadAudioException, IOException {
        try (FfmpegInput input = FfmpegInput.open(file, 0)) {
            AudioInfo info = input.info();
            if (!Double.isNaN(info.durationSeconds())) {
                return info;
            }
            long samples = 0;
            for (Frame frame = input.nextSamples(); frame != null; frame = input.nextSamples()) {
                samples += frame.samples[0].limit() / (frame.samples.length == 1 ? frame.audioChannels : 1);
            }
            return new AudioInfo(info.format(), info.codec(), info.sampleRate(), info.channels(),
                    (double) samples / info.sampleRate());
        }
    }
}
