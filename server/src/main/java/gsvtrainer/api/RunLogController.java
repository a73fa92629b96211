package gsvtrainer.api;

import gsvtrainer.auth.ApiKeyFilter;
import gsvtrainer.auth.Caller;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.steprun.StepRunRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A run's log as text, its tail, or followed live until the run ends. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "steps")
class RunLogController {

    private static final long FOLLOW_POLL_MS = 200;

    private final StepController steps;
    private final StepRunRepository runs;
    private final RunLogs logs;

    RunLogController(StepController steps, StepRunRepository runs, RunLogs logs) {
        this.steps = steps;
        this.runs = runs;
        this.logs = logs;
    }

    @GetMapping(value = "/task/{taskId}/runs/{runId}/log", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "A run's log: the last `tail` lines, or followed until the run ends")
    ResponseEntity<StreamingResponseBody> log(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller,
                                              @PathVariable String taskId, @PathVariable String runId,
                                              @RequestParam(defaultValue = "0") int tail,
                                              @RequestParam(defaultValue = "false") boolean follow) {
        StepRun run = steps.requireRun(caller, taskId, runId);
        Path file = logs.logFile(run);
        StreamingResponseBody body = out -> {
            RunLogs.Tail start = logs.tail(run, tail);
            for (String line : start.lines()) {
                write(out, line);
            }
            if (!follow) {
                return;
            }
            long offset = start.offset(); // follow on from the last complete line shown: nothing lost between
            while (true) {
                offset = logs.readFrom(file, offset, line -> write(out, line));
                out.flush();
                StepRun current = runs.find(run.id()).orElse(null);
                if (current == null || current.status().isTerminal()) {
                    logs.readFrom(file, offset, line -> write(out, line));
                    return;
                }
                try {
                    Thread.sleep(FOLLOW_POLL_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(body);
    }

    private static void write(OutputStream out, String line) {
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
