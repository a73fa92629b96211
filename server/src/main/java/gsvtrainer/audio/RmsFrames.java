package gsvtrainer.audio;

import java.io.IOException;

/**
 * Frame-wise RMS as librosa (and upstream's slicer) computes it: frames centred on multiples of the
 * hop, the signal zero-padded by half a frame at both ends. Reads the file block by block, so only
 * the RMS values (one per hop) are held for the whole file.
 */
final class RmsFrames {

    private static final int FRAMES_PER_BLOCK = 4096;

    private RmsFrames() {
    }

    static double[] compute(WavReader audio, int frameLength, int hop) throws IOException {
        long padded = audio.samples() + 2L * (frameLength / 2);
        int frames = padded < frameLength ? 0 : (int) (1 + (padded - frameLength) / hop);
        double[] rms = new double[frames];
        for (int first = 0; first < frames; first += FRAMES_PER_BLOCK) {
            int count = Math.min(FRAMES_PER_BLOCK, frames - first);
            long from = (long) first * hop - frameLength / 2;
            float[] block = audio.read(from, (count - 1) * hop + frameLength);
            for (int f = 0; f < count; f++) {
                double sum = 0;
                for (int i = f * hop, end = i + frameLength; i < end; i++) {
                    sum += (double) block[i] * block[i];
                }
                rms[first + f] = Math.sqrt(sum / frameLength);
            }
        }
        return rms;
    }
}
