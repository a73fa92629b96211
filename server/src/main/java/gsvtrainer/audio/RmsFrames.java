package gsvtrainer.audio;

import java.io.IOException;

/**
 * Frame-wise RMS as librosa (and upstream's slicer) computes it: frames centred on multiples of the
 * hop, the signal zero-padded by half a frame at both ends. Works from block energies read in runs,
 * each block summed once per frame that covers it, so only the RMS values (one per hop) are held for
 * the whole file.
 */
final class RmsFrames {

    private static final int FRAMES_PER_RUN = 4096;

    private RmsFrames() {
    }

    /** The block length that lets frames of {@code frameLength} samples every {@code hop} be summed from blocks. */
    static int blockLength(int frameLength, int hop) {
        return gcd(gcd(hop, frameLength / 2), frameLength);
    }

    /** Whether {@code sums} has blocks that tile frames of {@code frameLength} samples every {@code hop}. */
    static boolean fits(SquareSums sums, int frameLength, int hop) {
        return blockLength(frameLength, hop) % sums.blockLength() == 0;
    }

    static double[] compute(WavReader audio, int frameLength, int hop) throws IOException {
        return compute(new PcmSquareSums(audio, blockLength(frameLength, hop)), frameLength, hop);
    }

    static double[] compute(SquareSums sums, int frameLength, int hop) throws IOException {
        if (!fits(sums, frameLength, hop)) {
            throw new IllegalArgumentException("blocks of " + sums.blockLength() + " samples do not tile frames of "
                    + frameLength + " every " + hop);
        }
        int block = sums.blockLength();
        int perFrame = frameLength / block;
        int hopBlocks = hop / block;
        long padded = sums.samples() + 2L * (frameLength / 2);
        int frames = padded < frameLength ? 0 : (int) (1 + (padded - frameLength) / hop);
        double[] rms = new double[frames];
        for (int first = 0; first < frames; first += FRAMES_PER_RUN) {
            int count = Math.min(FRAMES_PER_RUN, frames - first);
            long firstBlock = ((long) first * hop - frameLength / 2) / block;
            double[] blocks = sums.read(firstBlock, (count - 1) * hopBlocks + perFrame);
            for (int f = 0; f < count; f++) {
                double sum = 0;
                for (int b = f * hopBlocks, end = b + perFrame; b < end; b++) {
                    sum += blocks[b];
                }
                rms[first + f] = Math.sqrt(sum / frameLength);
            }
        }
        return rms;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
