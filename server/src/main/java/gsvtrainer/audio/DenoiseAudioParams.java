package gsvtrainer.audio;

/**
 * Params of {@code denoise_audio}: the backend ({@code spectral}, native, or {@code frcrn}, upstream's
 * model in its Python environment), whether to skip the step, and how strongly to gate noise.
 */
public record DenoiseAudioParams(String backend, Boolean skip, Double reductionDb) {

    public DenoiseAudioParams {
        backend = backend == null ? "spectral" : backend;
        skip = skip != null && skip;
        reductionDb = reductionDb == null ? 18.0 : reductionDb;
        if (!backend.equals("spectral") && !backend.equals("frcrn")) {
            throw new IllegalArgumentException("backend must be 'spectral' or 'frcrn'");
        }
        if (reductionDb < 0 || reductionDb > 60) throw new IllegalArgumentException("reduction_db must be in [0, 60]");
    }

    public static DenoiseAudioParams defaults() {
        return new DenoiseAudioParams(null, null, null);
    }
}
