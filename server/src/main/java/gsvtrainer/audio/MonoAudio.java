package gsvtrainer.audio;

/** A clip in memory: mono samples in [-1, 1] at a sample rate. */
public record MonoAudio(float[] samples, int sampleRate) {

    public double seconds() {
        return (double) samples.length / sampleRate;
    }
}
