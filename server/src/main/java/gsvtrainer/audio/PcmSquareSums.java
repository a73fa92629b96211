package gsvtrainer.audio;

import java.io.IOException;

/**
 * Block energies of a 16-bit WAV, computed exactly: squares of 16-bit samples summed as integers, so
 * that any sum of blocks equals the sum of the samples' squares in double precision.
 */
final class PcmSquareSums implements SquareSums {

    private static final double SCALE = 0x1p-30;

    private final WavReader audio;
    private final int blockLength;

    PcmSquareSums(WavReader audio, int blockLength) {
        this.audio = audio;
        this.blockLength = blockLength;
    }

    @Override
    public int blockLength() {
        return blockLength;
    }

    @Override
    public long samples() {
        return audio.samples();
    }

    @Override
    public double[] read(long first, int count) throws IOException {
        short[] pcm = audio.readPcm(first * blockLength, Math.multiplyExact(count, blockLength));
        double[] sums = new double[count];
        for (int b = 0, i = 0; b < count; b++) {
            long sum = 0;
            for (int end = i + blockLength; i < end; i++) {
                sum += pcm[i] * pcm[i];
            }
            sums[b] = sum * SCALE;
        }
        return sums;
    }
}
