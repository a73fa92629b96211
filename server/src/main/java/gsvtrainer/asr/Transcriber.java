package gsvtrainer.asr;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * An ASR backend. It transcribes a batch of 32 kHz clips (backends that run one process per batch
 * need the whole batch) and calls {@code done} as each clip is finished; a clip it cannot transcribe
 * comes back as a {@link Transcription#failed failed} transcription, not an exception.
 */
interface Transcriber {

    List<Transcription> transcribe(List<Path> clips, Consumer<Path> done) throws Exception;
}
