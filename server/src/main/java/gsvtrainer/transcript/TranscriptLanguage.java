package gsvtrainer.transcript;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language tags upstream's {@code 1-get-text.py} accepts, upper-cased as its ASR tools write
 * them. Anything else (an {@code AUTO} tag above all) makes upstream skip the clip silently.
 */
public final class TranscriptLanguage {

    public static final List<String> TAGS = List.of("ZH", "EN", "JA", "KO", "YUE");

    private static final Map<String, String> ALIASES = Map.of("zh", "ZH", "en", "EN", "ja", "JA", "jp", "JA",
            "ko", "KO", "yue", "YUE");

    private TranscriptLanguage() {
    }

    /** The tag for a language code or tag in any case ({@code jp} and {@code ja} both give {@code JA}). */
    public static Optional<String> tag(String language) {
        if (language == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(ALIASES.get(language.strip().toLowerCase(Locale.ROOT)));
    }

    /** The lower-case code ASR tools take ({@code zh}, {@code en}, {@code ja}, {@code ko}, {@code yue}). */
    public static Optional<String> code(String language) {
        return tag(language).map(t -> t.toLowerCase(Locale.ROOT));
    }

    /** Languages written without spaces between words, whose speech rate is counted in characters. */
    public static boolean countsCharacters(String tag) {
        return !"EN".equals(tag);
    }
}
