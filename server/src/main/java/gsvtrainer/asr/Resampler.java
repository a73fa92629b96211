package gsvtrainer.asr;

import gsvtrainer.audio.AudioConverter;
import gsvtrainer.audio.BadAudioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes 16 kHz mono copies of clips in a scratch folder, the rate the ASR models take. */
final class Resampler {

    static final int RATE = 16000;

    private final Path scratch;
    private final AudioConverter converter = new AudioConverter(RATE);

    Resampler(Path scratch) {
        this.scratch = scratch;
    }

    /** A 16 kHz copy of {@code clip}; the caller deletes it when done. */
    Path at16k(Path clip) throws IOException, BadAudioException {
        Files.createDirectories(scratch);
        Path target = scratch.resolve(clip.getFileName().toString().replaceAll("\\.wav$", "") + ".16k.wav");
        return converter.convert(clip, target).output();
    }
}
