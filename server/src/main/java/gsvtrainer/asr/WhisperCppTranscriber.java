package gsvtrainer.asr;

import gsvtrainer.audio.WavReader;
import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.transcript.TranscriptLanguage;
import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * whisper.cpp in-process through whisper-jni, with a ggml model the user supplies (no registry
 * carries one). One model context, clips decoded in turn on all the run's threads; whisper-jni
 * exposes no token probabilities, so no confidence.
 */
final class WhisperCppTranscriber implements Transcriber {

    private static final int GGML_MAGIC = 0x67676d6c;
    private static final int LARGE_V3_VOCABULARY = 51866;

    private final Path model;
    private final String languageCode;
    private final String languageTag;
    private final Path scratch;
    private final int threads;

    private WhisperCppTranscriber(Path model, String languageTag, Path scratch, int threads) {
        this.model = model;
        this.languageTag = languageTag;
        this.languageCode = TranscriptLanguage.code(languageTag).orElseThrow();
        this.scratch = scratch;
        this.threads = threads;
    }

    /** The backend, or {@code backend_unavailable} when the model or the native library is missing. */
    static WhisperCppTranscriber create(AsrParams params, String languageTag, Path scratch, int threads)
            throws StepFailure {
        if (params.model() == null || params.model().isBlank()) {
            throw new StepFailure("backend_unavailable", "the whisper_cpp backend needs a ggml model file: "
                    + "set the step's model param to its path, or the service's GSV_WHISPER_MODEL (e.g. .../ggml-large-v3.bin)");
        }
        Path model = Path.of(params.model());
        if (!Files.isRegularFile(model)) {
            throw new StepFailure("backend_unavailable", "the whisper_cpp model " + model.getFileName()
                    + " does not exist on the machine that runs the step");
        }
        refuseCantoneseWithoutItsToken(model, languageTag);
        try {
            WhisperJNI.loadLibrary();
        } catch (Exception | LinkageError e) {
            throw new StepFailure("backend_unavailable", "whisper-jni's native library does not load on this machine ("
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "): " + e.getMessage(), e);
        }
        return new WhisperCppTranscriber(model, languageTag, scratch, threads);
    }

    /**
     * whisper.cpp numbers Cantonese 99, the language token after the 99 that models before large-v3
     * have, so with such a model it would ask for the translate task instead: refuse up front. The
     * vocabulary size (51866 from large-v3 on) is the header's second field.
     */
    private static void refuseCantoneseWithoutItsToken(Path model, String languageTag) throws StepFailure {
        if (!"YUE".equals(languageTag)) {
            return;
        }
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel in = FileChannel.open(model)) {
            while (header.hasRemaining() && in.read(header) >= 0) {
                // reads the magic and the vocabulary size
            }
        } catch (IOException e) {
            return; // whisper.cpp's own load reports an unreadable model
        }
        if (header.hasRemaining() || header.getInt(0) != GGML_MAGIC) {
            return;
        }
        int vocabulary = header.getInt(4);
        if (vocabulary < LARGE_V3_VOCABULARY) {
            throw new StepFailure("unsupported_language", "the whisper_cpp model " + model.getFileName()
                    + " has no Cantonese (yue) token: only large-v3 models (vocabulary " + LARGE_V3_VOCABULARY
                    + ") have one, this model's vocabulary is " + vocabulary
                    + "; use a large-v3 model, or the upstream backend (FunASR) for yue");
        }
    }

    @Override
    public List<Transcription> transcribe(List<Path> clips, Consumer<Path> done) throws Exception {
        WhisperJNI whisper = new WhisperJNI();
        Resampler resampler = new Resampler(scratch.resolve("16k"));
        List<Transcription> results = new ArrayList<>();
        try (WhisperContext context = whisper.init(model)) {
            if (context == null) {
                throw new StepFailure("backend_unavailable", "whisper.cpp could not load the model " + model.getFileName());
            }
            for (Path clip : clips) {
                results.add(decode(whisper, context, clip, resampler));
                done.accept(clip);
            }
        }
        return results;
    }

    private Transcription decode(WhisperJNI whisper, WhisperContext context, Path clip, Resampler resampler) {
        Path wav = null;
        try {
            wav = resampler.at16k(clip);
            float[] samples = WavReader.readAll(wav).samples();
            WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
            params.language = languageCode;
            params.nThreads = threads;
            params.printProgress = false;
            params.printRealtime = false;
            params.printTimestamps = false;
            int status = whisper.full(context, params, samples, samples.length);
            if (status != 0) {
                return Transcription.failed(clip, "whisper.cpp failed with status " + status);
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < whisper.fullNSegments(context); i++) {
                text.append(whisper.fullGetSegmentText(context, i));
            }
            return Transcription.of(clip, text.toString(), languageTag, null);
        } catch (Exception e) {
            return Transcription.failed(clip, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            if (wav != null) {
                try {
                    Files.deleteIfExists(wav);
                } catch (IOException ignored) {
                    // scratch space is cleared with the run folder
                }
            }
        }
    }
}
