package gsvtrainer.audio;

/**
 * Params of {@code slice_audio}: upstream's slicer parameters with its defaults, plus a maximum and
 * minimum clip length that upstream lacks.
 */
public record SliceAudioParams(
        Double threshold,
        Integer minLength,
        Integer minInterval,
        Integer hopSize,
        Integer maxSilKept,
        Double normMax,
        Double alpha,
        Double maxClipSeconds,
        Double minClipSeconds) {

    public SliceAudioParams {
        threshold = threshold == null ? -34.0 : threshold;
        minLength = minLength == null ? 4000 : minLength;
        minInterval = minInterval == null ? 300 : minInterval;
        hopSize = hopSize == null ? 10 : hopSize;
        maxSilKept = maxSilKept == null ? 500 : maxSilKept;
        normMax = normMax == null ? 0.9 : normMax;
        alpha = alpha == null ? 0.25 : alpha;
        maxClipSeconds = maxClipSeconds == null ? 25.0 : maxClipSeconds;
        minClipSeconds = minClipSeconds == null ? 0.6 : minClipSeconds;
        if (threshold > 0) throw new IllegalArgumentException("threshold is in dBFS and must be <= 0");
        if (!(minLength >= minInterval && minInterval >= hopSize && hopSize > 0)) {
            throw new IllegalArgumentException("need min_length >= min_interval >= hop_size > 0");
        }
        if (maxSilKept < hopSize) throw new IllegalArgumentException("max_sil_kept must be >= hop_size");
        if (normMax <= 0 || normMax > 1) throw new IllegalArgumentException("norm_max must be in (0, 1]");
        if (alpha < 0 || alpha > 1) throw new IllegalArgumentException("alpha must be in [0, 1]");
        if (minClipSeconds < 0 || maxClipSeconds <= minClipSeconds) {
            throw new IllegalArgumentException("need 0 <= min_clip_seconds < max_clip_seconds");
        }
    }

    public static SliceAudioParams defaults() {
        return new SliceAudioParams(null, null, null, null, null, null, null, null, null);
    }
}
