package gsvtrainer.audio;

import java.nio.file.Path;

/**
 * The outcome of converting one file: the source as probed (its duration is the container's, or the
 * decoded one where the container declares none) and the mono 16-bit WAV written.
 */
public record ConversionResult(AudioInfo source, Path output, long samples, int sampleRate) {

    public double outputSeconds() {
        return (double) samples / sampleRate;
    }
}
