package gsvtrainer.transcript;

import java.nio.file.Path;

/**
 * One line of upstream's dataset list, {@code wav_path|speaker|LANG|text}. Upstream splits lines on
 * {@code |} into exactly four fields, so a pipe or line break inside a field is replaced by a space.
 */
public record TranscriptLine(String audioPath, String speaker, String language, String text) {

    public TranscriptLine {
        audioPath = clean(audioPath);
        speaker = clean(speaker);
        language = clean(language);
        text = clean(text).strip();
        if (audioPath.isBlank()) {
            throw new IllegalArgumentException("a transcript line needs an audio path");
        }
    }

    /** The clip's file name, upstream's key for a clip ({@code basename(wav_path)}). */
    public String name() {
        return Path.of(audioPath).getFileName().toString();
    }

    public TranscriptLine withText(String newText) {
        return new TranscriptLine(audioPath, speaker, language, newText);
    }

    public TranscriptLine withAudioPath(String newAudioPath) {
        return new TranscriptLine(newAudioPath, speaker, language, text);
    }

    public TranscriptLine withLanguage(String newLanguage) {
        return new TranscriptLine(audioPath, speaker, newLanguage, text);
    }

    String format() {
        return audioPath + "|" + speaker + "|" + language + "|" + text;
    }

    private static String clean(String field) {
        return field == null ? "" : field.replace('|', ' ').replace('\r', ' ').replace('\n', ' ');
    }
}
