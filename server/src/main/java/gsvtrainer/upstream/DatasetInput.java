package gsvtrainer.upstream;

import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.pipeline.TaskWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The dataset as upstream's feature scripts take it: the task's {@code .list} transcript
 * ({@code wav|speaker|LANG|text}) and the folder its clips are read from ({@code inp_wav_dir}, where
 * upstream looks up each clip by its file name).
 */
record DatasetInput(Path list, Path wavDir, List<Clip> clips) {

    /** One line of the list. */
    record Clip(String name, Path wav, String language, String text) {
    }

    static DatasetInput require(TaskWorkspace workspace) throws StepFailure {
        Path list = workspace.transcript();
        if (!Files.isRegularFile(list)) {
            throw new StepFailure("no_transcript", "the task has no transcript (asr/transcript.list); run asr_transcribe first");
        }
        List<Clip> clips = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\\|", 4);
                if (fields.length == 4 && !fields[0].isBlank()) {
                    Path wav = workspace.root().resolve(fields[0].trim()).normalize();
                    clips.add(new Clip(wav.getFileName().toString(), wav, fields[2].trim(), fields[3].trim()));
                }
            }
        } catch (IOException e) {
            throw new StepFailure("no_transcript", "cannot read the transcript: " + e.getMessage(), e);
        }
        if (clips.isEmpty()) {
            throw new StepFailure("no_transcript", "the transcript lists no clips");
        }
        return new DatasetInput(list, wavDir(workspace, clips), List.copyOf(clips));
    }

    /** The one folder every listed clip is in, else the clips folder the ASR step read. */
    private static Path wavDir(TaskWorkspace workspace, List<Clip> clips) {
        Set<Path> parents = new HashSet<>();
        for (Clip clip : clips) {
            if (!Files.isRegularFile(clip.wav())) {
                return workspace.clipsForAsr();
            }
            parents.add(clip.wav().getParent());
        }
        return parents.size() == 1 ? parents.iterator().next() : workspace.clipsForAsr();
    }

    /** Where upstream reads a clip from. */
    Path audioOf(Clip clip) {
        return wavDir.resolve(clip.name());
    }
}
