package gsvtrainer.audio;

import java.nio.file.Path;
import java.util.Random;

/**
 * Made-up audio that {@code slice_audio} rehearses on: voiced bursts of 0.4-2.5 s (harmonics of a gliding
 * pitch under a rise-and-fall envelope) between pauses of 0.35-1.2 s, over a faint noise floor; so it
 * slices into clips as speech does.
 */
final class RehearsalAudio {

    /** A rehearsal takes a step's per-frame code past the JIT's thresholds in this many passes. */
    static final int PASSES = 12;

    private RehearsalAudio() {
    }

    /** {@code seconds} of it at {@code rate}, as floats in [-1, 1]. */
    static float[] speechLike(int rate, double seconds, long seed) {
        Random random = new Random(seed);
        float[] samples = new float[(int) (rate * seconds)];
        int at = 0;
        while (at < samples.length) {
            int pause = (int) (rate * (0.35 + 0.85 * random.nextDouble()));
            for (int end = Math.min(samples.length, at + pause); at < end; at++) {
                samples[at] = (float) (random.nextGaussian() * 3e-4);
            }
            int burst = Math.min(samples.length - at, (int) (rate * (0.4 + 2.1 * random.nextDouble())));
            double pitch = 100 + 150 * random.nextDouble();
            double phase = 0;
            for (int i = 0; i < burst; i++, at++) {
                double f0 = pitch * (1 + 0.1 * Math.sin(Math.PI * i / burst));
                phase += 2 * Math.PI * f0 / rate;
                double voiced = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase);
                samples[at] = (float) (0.3 * Math.sin(Math.PI * i / burst) * voiced + random.nextGaussian() * 3e-4);
            }
        }
        return samples;
    }

    /**
     * Writes it as {@code convert_audio} leaves a file: 16-bit mono WAV at 32 kHz with the block
     * energies beside it.
     */
    static void writeConverted(Path wav, double seconds) throws Exception {
        int rate = SourceSlicer.SAMPLE_RATE;
        float[] samples = speechLike(rate, seconds, 11);
        try (WavWriter writer = new WavWriter(wav, rate, 1)) {
            writer.writeRounded(samples, samples.length);
        }
        try (SquareSumsFile.Writer energy = new SquareSumsFile.Writer(SquareSumsFile.beside(wav), rate)) {
            energy.write(samples, samples.length);
            energy.finish(wav);
        }
    }
}
