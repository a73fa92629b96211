package gsvtrainer.scheduler;

import gsvtrainer.events.EventLog;
import gsvtrainer.events.EventType;
import gsvtrainer.files.ArtifactService;
import gsvtrainer.steprun.RunError;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.steprun.StepRunRepository;
import gsvtrainer.steprun.channel.ChannelMessage;
import gsvtrainer.steprun.channel.RunChannel;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the lines a run wrote into run progress, events and artifacts. Progress events are thinned
 * to a few a second; the run row always holds the latest progress.
 */
@Component
class ChannelHandler {

    private static final Logger log = LoggerFactory.getLogger(ChannelHandler.class);
    private static final long PROGRESS_EVENT_INTERVAL_MS = 250;
    private static final int MAX_LOG_LINE = 2000;

    private final StepRunRepository runs;
    private final EventLog events;
    private final ArtifactService artifacts;
    private final Clock clock;
    private final Map<String, Long> lastProgressEvent = new ConcurrentHashMap<>();
    private final Map<String, RunError> reportedErrors = new ConcurrentHashMap<>();

    ChannelHandler(StepRunRepository runs, EventLog events, ArtifactService artifacts, Clock clock) {
        this.runs = runs;
        this.events = events;
        this.artifacts = artifacts;
        this.clock = clock;
    }

    void handle(StepRun run, List<String> lines) {
        for (String line : lines) {
            var message = RunChannel.decode(line);
            if (message.isPresent()) {
                apply(run, message.get());
            } else {
                String text = line.length() > MAX_LOG_LINE ? line.substring(0, MAX_LOG_LINE) + "…" : line;
                events.record(run.taskId(), run.id(), "info", EventType.LOG, Map.of("step", run.step(), "line", text));
            }
        }
    }

    /** The error the run reported before it exited, if any. */
    RunError takeError(String runId) {
        lastProgressEvent.remove(runId);
        return reportedErrors.remove(runId);
    }

    private void apply(StepRun run, ChannelMessage message) {
        switch (message.type()) {
            case "progress" -> progress(run, message);
            case "metric" -> events.record(run.taskId(), run.id(), "info", EventType.METRIC, withStep(run, message.body()));
            case "artifact" -> artifact(run, message);
            case "log" -> events.record(run.taskId(), run.id(), levelOf(message.text("level")), EventType.LOG,
                    Map.of("step", run.step(), "line", String.valueOf(message.text("message"))));
            case "error" -> reportedErrors.put(run.id(), new RunError(
                    orDefault(message.text("code"), "step_error"), orDefault(message.text("message"), "")));
            case "heartbeat" -> { } // the watcher records liveness (and the log offset) itself
            case "timing" -> log.debug("run {} timing {}", run.id(), message.body());
            default -> log.debug("run {} sent an unknown message type {}", run.id(), message.type());
        }
    }

    private void progress(StepRun run, ChannelMessage message) {
        double fraction = message.number("fraction", 0);
        Map<String, Object> detail = message.map("detail");
        runs.updateProgress(run.id(), fraction, detail, clock.instant());
        long now = clock.millis();
        Long last = lastProgressEvent.get(run.id());
        if (last == null || now - last >= PROGRESS_EVENT_INTERVAL_MS || fraction >= 1.0) {
            lastProgressEvent.put(run.id(), now);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("step", run.step());
            data.put("progress", fraction);
            data.put("detail", detail);
            events.record(run.taskId(), run.id(), "info", EventType.PROGRESS, data);
        }
    }

    private void artifact(StepRun run, ChannelMessage message) {
        String kind = orDefault(message.text("kind"), "file");
        String path = message.text("path");
        try {
            var artifact = artifacts.register(run.taskId(), run.id(), kind, path, message.map("metadata"));
            if (artifact.isPresent()) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("step", run.step());
                data.put("artifact_id", artifact.get().id());
                data.put("kind", kind);
                data.put("name", artifact.get().name());
                data.put("path", path);
                data.put("size", artifact.get().size());
                data.put("metadata", artifact.get().metadata());
                events.record(run.taskId(), run.id(), "info", EventType.ARTIFACT, data);
            } else {
                log.warn("run {} reported artifact {} outside its workspace or missing; ignored", run.id(), path);
            }
        } catch (IOException e) {
            log.warn("cannot register artifact {} of run {}: {}", path, run.id(), e.toString());
        }
    }

    private static Map<String, Object> withStep(StepRun run, Map<String, Object> body) {
        Map<String, Object> data = new LinkedHashMap<>(body);
        data.put("step", run.step());
        return data;
    }

    private static String levelOf(String level) {
        return level == null ? "info" : switch (level) {
            case "warn", "warning" -> "warn";
            case "error" -> "error";
            case "debug" -> "debug";
            default -> "info";
        };
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
