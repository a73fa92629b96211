package gsvtrainer.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Level measures of one clip for the dataset report: duration, peak and RMS level in dBFS, the
 * fraction of clipped samples and an SNR estimate. Silence reads as {@link #SILENT_DBFS}.
 */
public record ClipStats(double durationSeconds, double peakDbfs, double rmsDbfs, double clippingRatio,
        double snrDb) {

    /** A sample at or above this magnitude (of full scale) counts as clipped. */
    public static final double CLIP_LEVEL = 0.999;
    /** The level reported for digital silence. */
    public static final double SILENT_DBFS = -120;
    /** Clipping above this fraction of samples is audible distortion. */
    public static final double CLIPPED_RATIO = 0.001;
    /** Speech this quiet (RMS) is mostly noise once normalised. */
    public static final double NEAR_SILENT_RMS_DBFS = -45;

    /** The sample magnitude of 16-bit audio from which on a sample counts as clipped. */
    private static final int CLIP_LEVEL_PCM = (int) Math.ceil(CLIP_LEVEL * 32768);
    private static final double PCM_SQUARE = 0x1p-30;

    /** The measures of a 16-bit mono WAV clip, read whole. */
    public static ClipStats ofWav(Path file) throws IOException {
        try (WavReader reader = new WavReader(file)) {
            if (reader.samples() > Integer.MAX_VALUE) {
                throw new IOException(file.getFileName() + " is too long to measure at once");
            }
            int length = (int) reader.samples();
            return ofPcm(reader.readPcm(0, length), length, reader.sampleRate());
        }
    }

    /**
     * The measures of the first {@code length} samples of a 16-bit clip, in one pass: its squares summed
     * as integers, which equal the sums over the samples as floats ({@code s / 32768}; exact in double
     * precision too), and the SNR of {@link SnrEstimator} from the same frame energies.
     */
    static ClipStats ofPcm(short[] pcm, int length, int sampleRate) {
        int frame = SnrEstimator.frameLength(sampleRate);
        double[] energy = new double[length / frame];
        int peak = 0;
        long squares = 0;
        long clipped = 0;
        int i = 0;
        for (int f = 0; f <= energy.length; f++) {
            int end = f < energy.length ? i + frame : length;
            long sum = 0;
            for (; i < end; i++) {
                int s = pcm[i];
                int magnitude = Math.abs(s);
                peak = Math.max(peak, magnitude);
                sum += s * s;
                clipped += magnitude >= CLIP_LEVEL_PCM ? 1 : 0;
            }
            squares += sum;
            if (f < energy.length) {
                energy[f] = sum * PCM_SQUARE / frame;
            }
        }
        int n = Math.max(1, length);
        return new ClipStats((double) length / sampleRate, dbfs(peak / 32768.0), dbfs(Math.sqrt(squares * PCM_SQUARE / n)),
                (double) clipped / n, SnrEstimator.fromFrameEnergies(energy));
    }

    public boolean clipped() {
        return clippingRatio > CLIPPED_RATIO;
    }

    public boolean nearSilent() {
        return rmsDbfs < NEAR_SILENT_RMS_DBFS;
    }

    static double dbfs(double amplitude) {
        return amplitude <= 0 ? SILENT_DBFS : Math.max(SILENT_DBFS, 20 * Math.log10(amplitude));
    }
}
