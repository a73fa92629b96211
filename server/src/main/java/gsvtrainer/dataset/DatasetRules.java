package gsvtrainer.dataset;

import gsvtrainer.audio.ClipStats;
import java.util.Map;

/** The limits the dataset report checks clips against, with where each comes from. */
public final class DatasetRules {

    /** Upstream's SoVITS training drops clips shorter than this. */
    public static final double MIN_SECONDS = 0.6;
    /** Upstream's SoVITS training drops clips longer than this. */
    public static final double MAX_SECONDS = 54;
    /** Upstream's SoVITS bucket sampler leaves out clips longer than this. */
    public static final double BUCKET_MAX_SECONDS = 38;
    /** Clips quieter than this (RMS, before normalisation) hold mostly noise. */
    public static final double NEAR_SILENT_RMS_DBFS = ClipStats.NEAR_SILENT_RMS_DBFS;
    /** Quieter recordings than this (RMS) gain noise when normalised. */
    public static final double QUIET_RMS_DBFS = -30;
    /** Below this estimated SNR, noise is audible in the trained voice. */
    public static final double LOW_SNR_DB = 20;
    /** A fraction of clipped samples above this is audible distortion. */
    public static final double CLIPPING_RATIO = ClipStats.CLIPPED_RATIO;
    /** Training needs at least this many usable clips (upstream refuses fewer). */
    public static final int MIN_USABLE_CLIPS = 2;
    /** A normalisation gain smaller than this (dB) is not reported as a fix. */
    public static final double NOTABLE_GAIN_DB = 1;

    /** Plausible speech rates per language tag: words per second for EN, characters per second else. */
    static final Map<String, double[]> SPEECH_RATE = Map.of(
            "EN", new double[] {0.7, 5.0},
            "ZH", new double[] {1.5, 9.0},
            "YUE", new double[] {1.5, 9.0},
            "JA", new double[] {2.0, 12.0},
            "KO", new double[] {1.5, 10.0});

    private DatasetRules() {
    }
}
