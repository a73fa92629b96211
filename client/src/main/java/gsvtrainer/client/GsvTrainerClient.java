package gsvtrainer.client;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import tools.jackson.databind.JavaType;

/**
 * Typed client of the gsv-trainer REST API ({@code /api/v1}). Thread-safe; every call blocks and throws
 * {@link GsvTrainerException} when the server answers non-2xx or cannot be reached.
 */
public final class GsvTrainerClient {

    private final HttpTransport transport;
    private final Duration pollInterval;
    private final Duration reconnectDelay;

    GsvTrainerClient(HttpTransport transport, Duration pollInterval, Duration reconnectDelay) {
        this.transport = transport;
        this.pollInterval = pollInterval;
        this.reconnectDelay = reconnectDelay;
    }

    /** A builder for a client of the server at {@code baseUrl}, e.g. {@code http://127.0.0.1:8000}. */
    public static GsvTrainerClientBuilder builder(String baseUrl) {
        return new GsvTrainerClientBuilder(baseUrl);
    }

    /** The API base URL this client calls, ending in {@code /api/v1}. */
    public String apiBase() {
        return transport.apiBase();
    }

    public TaskInfo createTask(String taskName, Map<String, Object> config) {
        return createTask(new CreateTaskRequest(taskName, config));
    }

    public TaskInfo createTask(CreateTaskRequest request) {
        return transport.json("POST", "/task/create", request, type(TaskInfo.class));
    }

    public TaskInfo getTask(String taskId) {
        return transport.json("GET", task(taskId), null, type(TaskInfo.class));
    }

    public List<TaskInfo> listTasks() {
        return transport.json("GET", "/tasks", null, listOf(TaskInfo.class));
    }

    /** Queues one step; {@code force} re-runs it even if it already succeeded. */
    public RunResponse runStep(String taskId, String step, Map<String, Object> params, boolean force) {
        Map<String, Object> body = Map.of("params", params == null ? Map.of() : params, "force", force);
        return transport.json("POST", task(taskId) + "/step/" + UrlPaths.segment(step), body, type(RunResponse.class));
    }

    /** Queues every remaining pipeline step at once; they start as their dependencies succeed. */
    public PipelineResponse runPipeline(String taskId, PipelineRequest request) {
        return transport.json("POST", task(taskId) + "/pipeline", request, type(PipelineResponse.class));
    }

    /** Re-queues the steps whose latest run was interrupted, failed or cancelled, and the steps after them. */
    public PipelineResponse resume(String taskId) {
        return transport.json("POST", task(taskId) + "/resume", null, type(PipelineResponse.class));
    }

    /** Approves the reviewed transcripts; a pipeline paused after ASR continues. */
    public PipelineResponse approveTranscript(String taskId) {
        return transport.json("POST", task(taskId) + "/transcript/approve", null, type(PipelineResponse.class));
    }

    /**
     * The dataset report: {@code totals} (clip counts, minutes, length histogram), {@code rejected},
     * {@code warnings} and {@code fixed} (each a list of {@code clip} + {@code reasons}) and {@code clips}.
     */
    public Map<String, Object> datasetReport(String taskId) {
        return transport.json("GET", task(taskId) + "/dataset/report", null, type(Map.class));
    }

    public CancelResult cancel(String taskId) {
        return transport.json("POST", task(taskId) + "/cancel", null, type(CancelResult.class));
    }

    /** Cancels what is running and removes the task with all its files. */
    public MessageResponse delete(String taskId) {
        return transport.json("DELETE", task(taskId), null, type(MessageResponse.class));
    }

    /** All runs' logs, oldest first (the server keeps the last 256 KiB). */
    public String logs(String taskId) {
        Map<String, Object> answer = transport.json("GET", task(taskId) + "/logs", null, type(Map.class));
        Object logs = answer.get("logs");
        return logs == null ? "" : logs.toString();
    }

    /** One run's log; {@code tail} limits it to its last lines (null for all). */
    public String runLog(String taskId, String runId, Integer tail) {
        HttpRequest request = transport.timedRequest(runLogPath(taskId, runId, tail, false))
                .header("Accept", "text/plain").GET().build();
        return new String(transport.send(request), StandardCharsets.UTF_8);
    }

    /** Streams one run's log line by line until the run ends (or the thread is interrupted). */
    public void followRunLog(String taskId, String runId, Integer tail, Consumer<String> lines) {
        HttpRequest request = transport.request(runLogPath(taskId, runId, tail, true))
                .header("Accept", "text/plain").GET().build();
        try (InputStream body = transport.open(request).body();
             BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.accept(line);
            }
        } catch (IOException e) {
            throw new GsvTrainerException("log stream broke off: " + HttpTransport.reason(e), e);
        }
    }

    /** The task's step runs, oldest first. */
    public List<StepRunInfo> listRuns(String taskId) {
        return transport.json("GET", task(taskId) + "/runs", null, listOf(StepRunInfo.class));
    }

    public StepRunInfo getRun(String taskId, String runId) {
        return transport.json("GET", task(taskId) + "/runs/" + UrlPaths.segment(runId), null, type(StepRunInfo.class));
    }

    /** Events with an id above {@code after}, at most {@code limit} of them. */
    public EventPage listEvents(String taskId, long after, int limit) {
        return transport.json("GET", task(taskId) + "/events?after=" + after + "&limit=" + limit, null, type(EventPage.class));
    }

    public List<ArtifactInfo> listArtifacts(String taskId) {
        return transport.json("GET", task(taskId) + "/artifacts", null, listOf(ArtifactInfo.class));
    }

    /** Files of the task's workspace, optionally only those under {@code dir} (e.g. {@code sliced}). */
    public List<WorkspaceFile> listFiles(String taskId, String dir) {
        String query = dir == null || dir.isBlank() ? "" : "?dir=" + UrlPaths.query(dir);
        return transport.json("GET", task(taskId) + "/files" + query, null, listOf(WorkspaceFile.class));
    }

    /** The step catalog: names, dependencies, resources, params with defaults, availability. */
    public List<StepInfo> listSteps() {
        return transport.json("GET", "/steps", null, listOf(StepInfo.class));
    }

    public UploadResult uploadFile(String taskId, Path file) {
        return uploadFile(taskId, file, TransferListener.NONE);
    }

    /** Uploads an audio file as multipart {@code file}, streamed from disk, reporting bytes sent. */
    public UploadResult uploadFile(String taskId, Path file, TransferListener listener) {
        MultipartBody body;
        try {
            body = MultipartBody.ofFile("file", file);
        } catch (FileNotFoundException e) {
            throw new GsvTrainerException("cannot read " + file + ": " + HttpTransport.reason(e), e);
        }
        HttpRequest request = transport.request(task(taskId) + "/files/upload")
                .header("Content-Type", body.contentTypeHeader())
                .header("Accept", "application/json")
                .POST(new CountingBodyPublisher(body.publisher(), Objects.requireNonNull(listener)))
                .build();
        return transport.readJson(transport.send(request), type(UploadResult.class));
    }

    public Path download(String taskId, String filename, Path target) {
        return download(taskId, filename, target, TransferListener.NONE);
    }

    /**
     * Downloads a task file found by name (uploads, results, weights) to {@code target}, or into it when it
     * is a directory. The file appears under its final name only once complete.
     */
    public Path download(String taskId, String filename, Path target, TransferListener listener) {
        HttpRequest request = transport.timedRequest(task(taskId) + "/files/download/" + UrlPaths.segment(filename)).GET().build();
        return FileDownload.fetch(transport, request, target, filename, listener);
    }

    public Path downloadArtifact(String taskId, String artifactId, Path target) {
        return downloadArtifact(taskId, artifactId, target, TransferListener.NONE);
    }

    /** Downloads an artifact's file; into a directory target it is named as the server names it. */
    public Path downloadArtifact(String taskId, String artifactId, Path target, TransferListener listener) {
        HttpRequest request = transport.timedRequest(task(taskId) + "/artifacts/" + UrlPaths.segment(artifactId) + "/download")
                .GET().build();
        return FileDownload.fetch(transport, request, target, artifactId, listener);
    }

    /** Downloads an artifact into {@code directory} under the artifact's name. */
    public Path downloadArtifact(ArtifactInfo artifact, Path directory, TransferListener listener) {
        String name = artifact.name() == null ? artifact.artifactId() : FileDownload.safeName(null, artifact.name());
        return downloadArtifact(artifact.taskId(), artifact.artifactId(), directory.resolve(name), listener);
    }

    /** Downloads a workspace file by its relative path (e.g. {@code sliced/a_0000.wav}). */
    public Path downloadRaw(String taskId, String path, Path target) {
        HttpRequest request = transport.timedRequest(task(taskId) + "/files/raw/" + UrlPaths.relativePath(path)).GET().build();
        return FileDownload.fetch(transport, request, target, path, TransferListener.NONE);
    }

    /**
     * Follows the task's events from {@code afterId} on a background thread, reconnecting with
     * {@code Last-Event-ID} when the connection drops, until the returned subscription is closed or the
     * task is terminal with every event delivered. The consumer runs on that thread.
     */
    public EventSubscription streamEvents(String taskId, long afterId, Consumer<EventInfo> consumer) {
        EventSubscription subscription = new EventSubscription(afterId);
        Thread thread = new Thread(new EventStreamWorker(this, transport, taskId, consumer, subscription, reconnectDelay),
                "gsv-events-" + taskId);
        thread.setDaemon(true);
        subscription.start(thread);
        return subscription;
    }

    /**
     * Polls the task until {@code condition} holds and returns it; throws {@link WaitTimeoutException}
     * after {@code timeout}. Transient failures (no answer, 5xx) are retried until then.
     */
    public TaskInfo waitFor(String taskId, Predicate<TaskInfo> condition, Duration timeout) {
        return new TaskPoller(this, pollInterval).waitFor(taskId, condition, timeout);
    }

    /** Polls until the task is completed, failed or cancelled. */
    public TaskInfo waitForTerminal(String taskId, Duration timeout) {
        return waitFor(taskId, t -> t.status() != null && t.status().isTerminal(), timeout);
    }

    private static String task(String taskId) {
        return "/task/" + UrlPaths.segment(taskId);
    }

    private static String runLogPath(String taskId, String runId, Integer tail, boolean follow) {
        String query = "?follow=" + follow + (tail == null ? "" : "&tail=" + tail);
        return task(taskId) + "/runs/" + UrlPaths.segment(runId) + "/log" + query;
    }

    private static JavaType type(Class<?> type) {
        return Json.mapper().constructType(type);
    }

    private static JavaType listOf(Class<?> element) {
        return Json.mapper().getTypeFactory().constructCollectionType(List.class, element);
    }
}
