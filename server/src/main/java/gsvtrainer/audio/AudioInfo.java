package gsvtrainer.audio;

/**
 * What a container says about an audio file: its format (FFmpeg demuxer name), the audio codec, the
 * source sample rate and channel count, and the duration in seconds.
 */
public record AudioInfo(String format, String codec, int sampleRate, int channels, double durationSeconds) {
}
