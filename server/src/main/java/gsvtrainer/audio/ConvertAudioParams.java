package gsvtrainer.audio;

/** Params of {@code convert_audio}: the target sample rate of the mono 16-bit WAV files. */
public record ConvertAudioParams(Integer sampleRate) {

    public ConvertAudioParams {
        sampleRate = sampleRate == null ? 32000 : sampleRate;
        if (sampleRate < 8000 || sampleRate > 96000) {
            throw new IllegalArgumentException("sample_rate must be between 8000 and 96000");
        }
    }

    public static ConvertAudioParams defaults() {
        return new ConvertAudioParams(null);
    }
}
