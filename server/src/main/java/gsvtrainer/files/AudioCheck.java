package gsvtrainer.files;

/** What an upload's audio check found. */
public record AudioCheck(double durationSeconds, int sampleRate, int channels, String format) {
}
