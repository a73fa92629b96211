package gsvtrainer.transcript;

import gsvtrainer.audio.WavReader;
import gsvtrainer.auth.Caller;
import gsvtrainer.errors.ServiceException;
import gsvtrainer.files.WorkspaceLocks;
import gsvtrainer.files.Workspaces;
import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.TaskWorkspace;
import gsvtrainer.steprun.RunLifecycle;
import gsvtrainer.steprun.StepRunRepository;
import gsvtrainer.task.Task;
import gsvtrainer.task.TaskService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Reading and fixing a task's transcript before training: pages of clips with their audio, edits of
 * text and language, removal of clips from the list (their audio stays). Every change rewrites the
 * list atomically and marks the steps after ASR outdated, so a finished training is redone.
 */
@Service
public class TranscriptReview {

    public static final int MAX_PAGE_SIZE = 500;

    private final TaskService tasks;
    private final Workspaces workspaces;
    private final StepRunRepository runs;
    private final RunLifecycle lifecycle;
    private final Pipeline pipeline;
    private final WorkspaceLocks locks;

    public TranscriptReview(TaskService tasks, Workspaces workspaces, StepRunRepository runs, RunLifecycle lifecycle,
                            Pipeline pipeline, WorkspaceLocks locks) {
        this.tasks = tasks;
        this.workspaces = workspaces;
        this.runs = runs;
        this.lifecycle = lifecycle;
        this.pipeline = pipeline;
        this.locks = locks;
    }

    public TranscriptPage page(Caller caller, String taskId, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ServiceException.badRequest("bad_request", "page must be >= 0 and size 1-" + MAX_PAGE_SIZE);
        }
        Task task = tasks.require(caller, taskId);
        TaskWorkspace workspace = workspaces.of(task.id());
        List<TranscriptLine> lines = read(workspace);
        TranscriptConfidence confidence = TranscriptConfidence.read(workspace);
        List<ClipView> clips = lines.stream().skip((long) page * size).limit(size)
                .map(line -> view(task.id(), workspace, line, confidence)).toList();
        return new TranscriptPage(page, size, lines.size(), task.reviewState(), clips);
    }

    public ClipView edit(Caller caller, String taskId, String clip, ClipEdit edit) {
        if (edit == null || edit.text() == null && edit.language() == null) {
            throw ServiceException.badRequest("bad_request", "give text and/or language");
        }
        String language = edit.language() == null ? null : TranscriptLanguage.tag(edit.language()).orElseThrow(() ->
                ServiceException.unprocessable("invalid_language", "language '" + edit.language()
                        + "' is not one upstream accepts: " + TranscriptLanguage.TAGS));
        if (edit.text() != null && (edit.text().contains("|") || edit.text().contains("\n") || edit.text().contains("\r"))) {
            throw ServiceException.unprocessable("invalid_text", "a transcript must be one line without '|'");
        }
        Task task = tasks.require(caller, taskId);
        TaskWorkspace workspace = workspaces.of(task.id());
        TranscriptLine changed = change(task, workspace, clip, line -> {
            TranscriptLine next = edit.text() == null ? line : line.withText(edit.text());
            return language == null ? next : next.withLanguage(language);
        });
        return view(task.id(), workspace, changed, TranscriptConfidence.read(workspace));
    }

    /** Removes the clip's line; transcribing again leaves the clip out unless forced. */
    public void delete(Caller caller, String taskId, String clip) {
        Task task = tasks.require(caller, taskId);
        change(task, workspaces.of(task.id()), clip, line -> null);
    }

    /**
     * Applies {@code update} to the clip's line (null removes it), under the task's workspace lock,
     * which queueing a run takes too: an asr_transcribe queued meanwhile either comes first (and the
     * edit is refused) or after (and reads the edited list), never between the check and the write.
     */
    private TranscriptLine change(Task task, TaskWorkspace workspace, String clip,
                                  UnaryOperator<TranscriptLine> update) {
        synchronized (locks.of(task.id())) {
            requireAsrIdle(task);
            List<TranscriptLine> lines = new ArrayList<>(read(workspace));
            int index = indexOf(lines, clip);
            TranscriptLine original = lines.get(index);
            TranscriptLine updated = update.apply(original);
            try {
                if (updated == null) {
                    lines.remove(index);
                    RemovedClips.read(workspace).with(original.name()).write(workspace);
                } else {
                    lines.set(index, updated);
                    if (!updated.text().equals(original.text())) {
                        forgetConfidence(workspace, original.name()); // the backend's, of a text no longer there
                    }
                }
                TranscriptList.write(workspace.transcript(), lines);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lifecycle.markOutdated(task.id(), List.copyOf(pipeline.downstreamOf(Pipeline.ASR_TRANSCRIBE)));
            return updated;
        }
    }

    private static void forgetConfidence(TaskWorkspace workspace, String clip) throws IOException {
        TranscriptConfidence confidence = TranscriptConfidence.read(workspace);
        if (confidence.of(clip) != null) {
            Map<String, Double> rest = new LinkedHashMap<>(confidence.clips());
            rest.remove(clip);
            new TranscriptConfidence(confidence.backend(), rest).write(workspace);
        }
    }

    private void requireAsrIdle(Task task) {
        boolean running = runs.findByTask(task.id()).stream()
                .anyMatch(r -> r.step().equals(Pipeline.ASR_TRANSCRIBE) && r.status().isActive());
        if (running) {
            throw ServiceException.conflict("run_active", "asr_transcribe is running for this task; edit when it is done");
        }
    }

    private static int indexOf(List<TranscriptLine> lines, String clip) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).name().equals(clip)) {
                return i;
            }
        }
        throw ServiceException.notFound("clip_not_found", "no clip '" + clip + "' in the transcript");
    }

    private static List<TranscriptLine> read(TaskWorkspace workspace) {
        if (!Files.exists(workspace.transcript())) {
            throw ServiceException.notFound("transcript_missing", "the task has no transcript yet: run asr_transcribe");
        }
        try {
            return TranscriptList.read(workspace.transcript());
        } catch (MalformedTranscriptException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The task's transcript cannot be read: a conflict with the task's state, not a server fault. */
    public static ServiceException malformed(MalformedTranscriptException e) {
        return ServiceException.conflict("transcript_malformed", "the task's transcript (asr/transcript.list) is malformed: "
                + e.getMessage() + "; fix or re-create it (run asr_transcribe with force)");
    }

    private static ClipView view(String taskId, TaskWorkspace workspace, TranscriptLine line,
                                 TranscriptConfidence confidence) {
        if (line == null) {
            return null;
        }
        Path audio = Path.of(line.audioPath()).toAbsolutePath().normalize();
        Double seconds = null;
        try (WavReader reader = new WavReader(audio)) {
            seconds = Math.round(reader.seconds() * 1000) / 1000.0;
        } catch (IOException | RuntimeException e) {
            // a missing or unreadable clip shows without a duration
        }
        String url = null;
        if (audio.startsWith(workspace.root()) && Files.isRegularFile(audio)) {
            String relative = workspace.root().relativize(audio).toString();
            url = "/api/v1/task/" + taskId + "/files/raw/" + List.of(relative.split("/")).stream()
                    .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
                    .collect(Collectors.joining("/"));
        }
        return new ClipView(line.name(), line.text(), line.language(), line.speaker(), seconds,
                confidence.of(line.name()), url);
    }
}
