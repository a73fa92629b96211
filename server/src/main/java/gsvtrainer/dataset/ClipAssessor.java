package gsvtrainer.dataset;

import gsvtrainer.audio.ClipStats;
import gsvtrainer.transcript.TranscriptLanguage;
import gsvtrainer.transcript.TranscriptLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Applies the {@link DatasetRules} to one clip. */
final class ClipAssessor {

    /**
     * What is known of a clip.
     *
     * @param measured   the slicer's measures before normalisation; null when the slice report lacks it
     * @param stats      the clip file's measures as it is now; null when the file is missing
     * @param line       its transcript line; null when not in the transcript
     * @param transcribed whether a transcript exists at all
     */
    record Clip(String name, SliceMeasures.Measured measured, ClipStats stats, TranscriptLine line,
                boolean transcribed, String defaultLanguage) {
    }

    private ClipAssessor() {
    }

    static ClipReport assess(Clip clip) {
        List<String> rejected = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        ClipStats before = clip.measured() != null ? clip.measured().stats() : clip.stats();
        if (clip.stats() == null) {
            rejected.add("audio file missing");
        }
        if (before != null) {
            checkLength(before.durationSeconds(), rejected, warnings);
            checkLevels(before, rejected, warnings);
            if (clip.stats() != null && clip.measured() != null) {
                double gain = clip.stats().peakDbfs() - before.peakDbfs();
                if (Math.abs(gain) >= DatasetRules.NOTABLE_GAIN_DB) {
                    fixes.add(String.format(Locale.ROOT, "loudness normalised: peak %.1f -> %.1f dBFS",
                            before.peakDbfs(), clip.stats().peakDbfs()));
                }
            }
        }
        if (clip.measured() != null && clip.measured().split()) {
            fixes.add("split from a longer clip at its quietest point");
        }
        String transcript = transcriptState(clip);
        if (transcript.equals("empty")) {
            rejected.add("empty transcript");
        } else if (transcript.equals("removed")) {
            rejected.add("not in the transcript (removed in review or not transcribed)");
        }
        String tag = clip.line() != null ? TranscriptLanguage.tag(clip.line().language()).orElse(null)
                : TranscriptLanguage.tag(clip.defaultLanguage()).orElse(null);
        if (clip.line() != null && tag == null) {
            rejected.add("language '" + clip.line().language() + "' is not one upstream accepts");
        }
        Double rate = null;
        String unit = null;
        if (transcript.equals("present") && before != null && before.durationSeconds() > 0 && tag != null) {
            boolean characters = TranscriptLanguage.countsCharacters(tag);
            unit = characters ? "chars_per_second" : "words_per_second";
            rate = units(clip.line().text(), characters) / before.durationSeconds();
            double[] range = DatasetRules.SPEECH_RATE.get(tag);
            if (rate < range[0] || rate > range[1]) {
                warnings.add(String.format(Locale.ROOT, "speech rate %.1f %s outside %.1f-%.1f: transcript may not "
                        + "match the audio", rate, characters ? "chars/s" : "words/s", range[0], range[1]));
            }
        }
        String status = !rejected.isEmpty() ? ClipReport.REJECTED
                : !warnings.isEmpty() ? ClipReport.WARNING : ClipReport.USABLE;
        List<String> reasons = new ArrayList<>(rejected);
        reasons.addAll(warnings);
        return new ClipReport(clip.name(), round(before == null ? null : before.durationSeconds(), 3),
                round(before == null ? null : before.peakDbfs(), 2), round(before == null ? null : before.rmsDbfs(), 2),
                round(before == null ? null : before.clippingRatio(), 6), round(before == null ? null : before.snrDb(), 2),
                transcript, tag, round(rate, 2), unit, status, reasons, fixes);
    }

    private static void checkLength(double seconds, List<String> rejected, List<String> warnings) {
        if (seconds < DatasetRules.MIN_SECONDS) {
            rejected.add(String.format(Locale.ROOT, "shorter than %.1f s (%.2f s): upstream's training drops it",
                    DatasetRules.MIN_SECONDS, seconds));
        } else if (seconds > DatasetRules.MAX_SECONDS) {
            rejected.add(String.format(Locale.ROOT, "longer than %.0f s (%.1f s): upstream's training drops it",
                    DatasetRules.MAX_SECONDS, seconds));
        } else if (seconds > DatasetRules.BUCKET_MAX_SECONDS) {
            warnings.add(String.format(Locale.ROOT, "longer than %.0f s (%.1f s): upstream's bucket sampler leaves it out",
                    DatasetRules.BUCKET_MAX_SECONDS, seconds));
        }
    }

    private static void checkLevels(ClipStats stats, List<String> rejected, List<String> warnings) {
        if (stats.rmsDbfs() < DatasetRules.NEAR_SILENT_RMS_DBFS) {
            rejected.add(String.format(Locale.ROOT, "near-silent: RMS %.1f dBFS below %.0f dBFS",
                    stats.rmsDbfs(), DatasetRules.NEAR_SILENT_RMS_DBFS));
        } else if (stats.rmsDbfs() < DatasetRules.QUIET_RMS_DBFS) {
            warnings.add(String.format(Locale.ROOT, "quiet: RMS %.1f dBFS below %.0f dBFS",
                    stats.rmsDbfs(), DatasetRules.QUIET_RMS_DBFS));
        }
        if (stats.clippingRatio() > DatasetRules.CLIPPING_RATIO) {
            warnings.add(String.format(Locale.ROOT, "clipping: %.2f %% of samples at full scale (over %.1f %%)",
                    stats.clippingRatio() * 100, DatasetRules.CLIPPING_RATIO * 100));
        }
        if (stats.snrDb() < DatasetRules.LOW_SNR_DB) {
            warnings.add(String.format(Locale.ROOT, "noisy: estimated SNR %.1f dB below %.0f dB",
                    stats.snrDb(), DatasetRules.LOW_SNR_DB));
        }
    }

    private static String transcriptState(Clip clip) {
        if (!clip.transcribed()) {
            return "pending";
        }
        if (clip.line() == null) {
            return "removed";
        }
        return clip.line().text().isBlank() ? "empty" : "present";
    }

    /** Words, or letters and digits (no spaces or punctuation) for languages written without spaces. */
    static int units(String text, boolean characters) {
        if (characters) {
            return (int) text.codePoints().filter(Character::isLetterOrDigit).count();
        }
        String words = text.replaceAll("[^\\p{L}\\p{N}' ]+", " ").strip();
        return words.isEmpty() ? 0 : words.split("\\s+").length;
    }

    private static Double round(Double value, int digits) {
        if (value == null || value.isNaN()) {
            return null;
        }
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
