package gsvtrainer.api;

import gsvtrainer.auth.ApiKeyFilter;
import gsvtrainer.auth.Caller;
import gsvtrainer.dataset.DatasetReport;
import gsvtrainer.dataset.DatasetReports;
import gsvtrainer.files.Workspaces;
import gsvtrainer.steprun.RunRequests;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.task.TaskService;
import gsvtrainer.transcript.ClipEdit;
import gsvtrainer.transcript.ClipView;
import gsvtrainer.transcript.MalformedTranscriptException;
import gsvtrainer.transcript.TranscriptPage;
import gsvtrainer.transcript.TranscriptReview;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Transcript review (read, edit, delete, approve) and the dataset report. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "transcript")
class TranscriptController {

    private final TranscriptReview review;
    private final RunRequests requests;
    private final TaskService tasks;
    private final Workspaces workspaces;

    TranscriptController(TranscriptReview review, RunRequests requests, TaskService tasks, Workspaces workspaces) {
        this.review = review;
        this.requests = requests;
        this.tasks = tasks;
        this.workspaces = workspaces;
    }

    @GetMapping("/task/{taskId}/transcript")
    @Operation(summary = "A page of the transcript: clips with text, language, duration, confidence and audio URL")
    TranscriptPage transcript(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return review.page(caller, taskId, page, size);
    }

    @PatchMapping("/task/{taskId}/transcript/{clip}")
    @Operation(summary = "Change a clip's text and/or language; steps after ASR become outdated")
    ClipView edit(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId,
                  @PathVariable String clip, @RequestBody ClipEdit body) {
        return review.edit(caller, taskId, clip, body);
    }

    @DeleteMapping("/task/{taskId}/transcript/{clip}")
    @Operation(summary = "Remove a clip from the transcript (its audio stays); steps after ASR become outdated")
    Map<String, Object> delete(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId,
                               @PathVariable String clip) {
        review.delete(caller, taskId, clip);
        return Map.of("message", "clip " + clip + " removed from the transcript", "clip", clip);
    }

    @PostMapping("/task/{taskId}/transcript/approve")
    @Operation(summary = "Approve the transcripts; a pipeline paused after ASR continues")
    Map<String, Object> approve(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId) {
        List<StepRun> queued = requests.approve(caller, taskId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", "transcripts approved");
        answer.put("steps", queued.stream().map(StepRun::step).toList());
        answer.put("run_ids", queued.stream().map(StepRun::id).toList());
        return answer;
    }

    @GetMapping("/task/{taskId}/dataset/report")
    @Operation(summary = "Per-clip measures and verdicts (rejected / warning / fixed, with reasons) and totals")
    DatasetReport report(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId)
            throws IOException {
        try {
            return DatasetReports.build(workspaces.of(tasks.require(caller, taskId).id()));
        } catch (MalformedTranscriptException e) {
            throw TranscriptReview.malformed(e);
        }
    }
}
