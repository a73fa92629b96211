package gsvtrainer.audio;

import java.io.IOException;
import java.nio.FloatBuffer;

/**
 * Where converted mono float samples go: the WAV, rounded to 16 bits, and the block energies of the
 * unrounded samples where they are kept. Samples past the container's stated length are held back and
 * dropped at the end if they are no more than encoder padding (AAC's priming frames).
 */
final class ConvertedSamples implements MonoResampler.Sink {

    private final WavWriter wav;
    private final SquareSumsFile.Writer energy;
    private final FloatBuffer held;
    private final float[] chunk = new float[1 << 14];
    private long limit;
    private long written;

    /**
     * @param energy the block energies' writer, or null
     * @param statedSamples the length the container states, or {@link Long#MAX_VALUE} where it states none
     * @param maxPadding how many samples past the stated length count as padding
     */
    ConvertedSamples(WavWriter wav, SquareSumsFile.Writer energy, long statedSamples, int maxPadding) {
        this.wav = wav;
        this.energy = energy;
        this.limit = statedSamples;
        this.held = FloatBuffer.allocate(statedSamples == Long.MAX_VALUE ? 0 : maxPadding);
    }

    @Override
    public void accept(FloatBuffer samples) throws IOException {
        if (written < limit) {
            int count = (int) Math.min(samples.remaining(), limit - written);
            FloatBuffer head = samples.slice().limit(count);
            samples.position(samples.position() + count);
            write(head);
        }
        if (!samples.hasRemaining()) {
            return;
        }
        if (held.remaining() >= samples.remaining()) {
            held.put(samples);
        } else {
            limit = Long.MAX_VALUE;
            write(held.flip());
            held.clear();
            write(samples);
        }
    }

    /** Samples written; anything still held back is padding and stays out. */
    long written() {
        return written;
    }

    private void write(FloatBuffer samples) throws IOException {
        while (samples.hasRemaining()) {
            int count = Math.min(samples.remaining(), chunk.length);
            samples.get(chunk, 0, count);
            if (energy != null) {
                energy.write(chunk, count);
            }
            wav.writeRounded(chunk, count);
            written += count;
        }
    }
}
