package gsvtrainer.steprun;

import gsvtrainer.auth.Caller;
import gsvtrainer.errors.ServiceException;
import gsvtrainer.errors.ServiceException.Kind;
import gsvtrainer.files.WorkspaceLocks;
import gsvtrainer.pipeline.ParamsCodec;
import gsvtrainer.pipeline.ParamsCodec.InvalidParamsException;
import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.StepDefinition;
import gsvtrainer.pipeline.StepRegistry;
import gsvtrainer.scheduler.ExecutorSignal;
import gsvtrainer.task.PendingPlan;
import gsvtrainer.task.Task;
import gsvtrainer.task.TaskRepository;
import gsvtrainer.task.TaskService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * What clients ask to run: one step, the rest of the pipeline, a resume after a failure, or the rest
 * of a pipeline once transcripts are approved. Checks the step, its params and its dependencies,
 * then queues runs; the executor starts them.
 */
@Service
public class RunRequests {

    private final TaskService taskService;
    private final TaskRepository tasks;
    private final StepRunRepository runs;
    private final RunLifecycle lifecycle;
    private final Pipeline pipeline;
    private final StepRegistry registry;
    private final ExecutorSignal executor;
    private final Clock clock;
    private final WorkspaceLocks locks;
    private final ParamsCodec codec = new ParamsCodec();

    public RunRequests(TaskService taskService, TaskRepository tasks, StepRunRepository runs, RunLifecycle lifecycle,
                       Pipeline pipeline, StepRegistry registry, ObjectProvider<ExecutorSignal> executor, Clock clock,
                       WorkspaceLocks locks) {
        this.taskService = taskService;
        this.tasks = tasks;
        this.runs = runs;
        this.lifecycle = lifecycle;
        this.pipeline = pipeline;
        this.registry = registry;
        this.executor = executor.getIfAvailable(() -> ExecutorSignal.NONE);
        this.clock = clock;
        this.locks = locks;
    }

    /** A pipeline request: steps {@code from}..{@code to}, minus {@code skip}, pausing after {@code stopAfter}. */
    public record PipelineRequest(String from, String to, String stopAfter, List<String> skip,
                                  Map<String, Map<String, Object>> params, boolean force) {
    }

    /** Queues one step. Its dependencies must have succeeded or be on their way. */
    public StepRun runStep(Caller caller, String taskId, String step, Map<String, Object> params, boolean force) {
        Task task = taskService.require(caller, taskId);
        StepDefinition definition = definition(task, step);
        Map<String, Object> checked = checkParams(definition, params);
        Map<String, StepRun> latest = latestByStep(task);
        for (String dependency : pipeline.dependencies(step, task.modelVersion())) {
            StepRun dep = latest.get(dependency);
            if (dep == null || !(dep.status() == RunStatus.SUCCEEDED || dep.status().isActive())) {
                throw ServiceException.conflict("dependency_not_met", "step " + step + " needs " + dependency
                        + " to succeed first" + (dep == null ? " (it has not run)" : " (its last run " + dep.status().wireName() + ")"));
            }
        }
        StepRun run = queue(task, step, checked, force);
        executor.wake();
        return run;
    }

    /** Queues every step of the requested range at once; each starts when its dependencies succeed. */
    public List<StepRun> runPipeline(Caller caller, String taskId, PipelineRequest request) {
        Task task = taskService.require(caller, taskId);
        String version = task.modelVersion();
        List<StepDefinition> steps = pipeline.forVersion(version);
        String from = request.from() == null ? steps.get(0).name() : definition(task, request.from()).name();
        String to = request.to() == null ? steps.get(steps.size() - 1).name() : definition(task, request.to()).name();
        if (request.skip() != null && request.skip().contains(null)) {
            throw ServiceException.unprocessable("invalid_param", "skip lists step names; it holds a null");
        }
        Set<String> skip = Set.copyOf(request.skip() == null ? List.of() : request.skip());
        for (String skipped : skip) {
            if (!definition(task, skipped).skippable()) {
                throw ServiceException.unprocessable("not_skippable", "step " + skipped + " cannot be skipped");
            }
        }
        // a skipped step still runs, as a no-op with {"skip": true} that clears what an earlier run of it
        // left, so the steps after it read what they would have read had it never run
        List<String> range = pipeline.range(version, from, to);
        if (range.isEmpty()) {
            throw ServiceException.unprocessable("empty_pipeline", "no step between " + from + " and " + to);
        }
        Map<String, Map<String, Object>> params = request.params() == null ? Map.of() : request.params();
        for (String name : params.keySet()) {
            if (!range.contains(name) || skip.contains(name)) {
                throw ServiceException.unprocessable("unknown_step", "params given for " + name + ", which this pipeline "
                        + (skip.contains(name) ? "skips" : "does not run"));
            }
        }
        Map<String, Map<String, Object>> checked = new LinkedHashMap<>();
        for (String name : range) {
            StepDefinition definition = definition(task, name);
            checked.put(name, checkParams(definition, skip.contains(name) ? Map.of("skip", true) : params.get(name)));
        }
        List<String> unavailable = range.stream().filter(s -> !registry.isAvailable(s)).toList();
        if (!unavailable.isEmpty()) {
            throw new ServiceException(Kind.NOT_IMPLEMENTED, "step_unavailable",
                    "these steps have no implementation in this build yet: " + String.join(", ", unavailable));
        }
        List<String> now = range;
        List<String> later = List.of();
        if (request.stopAfter() != null) {
            int index = range.indexOf(definition(task, request.stopAfter()).name());
            if (index < 0) {
                throw ServiceException.unprocessable("invalid_param", "stop_after " + request.stopAfter() + " is not in the pipeline");
            }
            now = range.subList(0, index + 1);
            later = range.subList(index + 1, range.size());
        }
        List<StepRun> queued = queueAll(task, now, checked, request.force());
        if (!later.isEmpty()) {
            Map<String, Map<String, Object>> laterParams = new LinkedHashMap<>();
            later.forEach(s -> laterParams.put(s, checked.get(s)));
            tasks.updatePlan(tasks.find(task.id()).orElseThrow(), new PendingPlan(later, laterParams, request.force()),
                    "pending", clock.instant());
        } else if (task.plan() != null) {
            // a pipeline that runs to its end supersedes one still waiting for review: approving later
            // must not queue that old plan again
            tasks.updatePlan(tasks.find(task.id()).orElseThrow(), null, "none", clock.instant());
        }
        executor.wake();
        return queued;
    }

    /**
     * Queues the rest of a pipeline that paused for transcript review. Refused while transcription is
     * queued or running: what would be approved is not written yet.
     */
    public List<StepRun> approve(Caller caller, String taskId) {
        Task task = taskService.require(caller, taskId);
        StepRun asr = latestByStep(task).get(Pipeline.ASR_TRANSCRIBE);
        if (asr != null && asr.status().isActive()) {
            throw ServiceException.conflict("run_active",
                    "asr_transcribe is " + asr.status().wireName() + "; review and approve its transcript when it is done");
        }
        PendingPlan plan = task.plan();
        if (!tasks.updatePlan(task, null, "approved", clock.instant())) {
            throw ServiceException.conflict("concurrent_update", "the task changed meanwhile; try again");
        }
        if (plan == null) {
            return List.of();
        }
        List<StepRun> queued = queueAll(task, plan.steps(), plan.params(), plan.force());
        executor.wake();
        return queued;
    }

    /** Queues again every step whose latest run was interrupted, failed or cancelled. */
    public List<StepRun> resume(Caller caller, String taskId) {
        Task task = taskService.require(caller, taskId);
        List<StepRun> latest = new ArrayList<>(latestByStep(task).values());
        if (latest.stream().anyMatch(r -> r.status().isActive())) {
            throw ServiceException.conflict("run_active", "the task still has queued or running steps");
        }
        List<StepRun> toResume = latest.stream()
                .filter(r -> r.status() == RunStatus.FAILED || r.status() == RunStatus.CANCELLED
                        || r.status() == RunStatus.INTERRUPTED)
                .sorted(Comparator.comparingInt(r -> pipeline.all().indexOf(pipeline.find(r.step()).orElseThrow())))
                .toList();
        if (toResume.isEmpty()) {
            throw ServiceException.conflict("nothing_to_resume", "no step of this task was interrupted, failed or cancelled");
        }
        List<StepRun> queued = new ArrayList<>();
        for (StepRun previous : toResume) {
            queued.add(queue(task, previous.step(), previous.params(), false));
        }
        executor.wake();
        return queued;
    }

    private List<StepRun> queueAll(Task task, List<String> steps, Map<String, Map<String, Object>> params, boolean force) {
        List<StepRun> queued = new ArrayList<>();
        for (String step : steps) {
            StepRun existing = latestByStep(task).get(step);
            if (existing != null && existing.status().isActive()) {
                continue;
            }
            Map<String, Object> given = params.getOrDefault(step, Map.of());
            if (!force && existing != null && existing.status() == RunStatus.SUCCEEDED && !existing.outdated()
                    && !(isSkip(given) && !isSkip(existing.params()))) {
                continue;
            }
            queued.add(queue(task, step, given, force));
        }
        return queued;
    }

    /** A skipped step's params; a pipeline that skips a step whose last run did its work runs it again. */
    private static boolean isSkip(Map<String, Object> params) {
        return params != null && Boolean.TRUE.equals(params.get("skip"));
    }

    /** Queues under the task's workspace lock, so that no transcript edit interleaves ({@code TranscriptReview}). */
    private StepRun queue(Task task, String step, Map<String, Object> params, boolean force) {
        try {
            synchronized (locks.of(task.id())) {
                StepRun run = lifecycle.queue(task.id(), step, params, force);
                Map<String, StepRun> latest = latestByStep(task);
                lifecycle.markOutdated(task.id(), pipeline.downstreamOf(step).stream().filter(latest::containsKey).toList());
                return run;
            }
        } catch (DataAccessException e) {
            if (isUniqueViolation(e)) {
                throw ServiceException.conflict("run_active", "step " + step + " is already queued or running for this task");
            }
            if (isForeignKeyViolation(e)) {
                throw ServiceException.notFound("task_not_found", "task " + task.id() + " was deleted meanwhile");
            }
            throw e;
        }
    }

    /**
     * SQLite reports SQLITE_CONSTRAINT_UNIQUE, PostgreSQL SQLState 23505; Spring translates only some.
     * Other integrity violations (a foreign key: the task was deleted meanwhile) are not duplicates.
     */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateKeyException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && ("23505".equals(sql.getSQLState())
                    || String.valueOf(sql.getMessage()).contains("UNIQUE constraint failed"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** SQLite: FOREIGN KEY constraint failed; PostgreSQL: SQLState 23503. */
    static boolean isForeignKeyViolation(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && ("23503".equals(sql.getSQLState())
                    || String.valueOf(sql.getMessage()).contains("FOREIGN KEY constraint failed"))) {
                return true;
            }
        }
        return false;
    }

    private StepDefinition definition(Task task, String step) {
        StepDefinition definition = pipeline.find(step)
                .orElseThrow(() -> ServiceException.notFound("unknown_step", "unknown step '" + step + "'"));
        if (!definition.appliesTo(task.modelVersion())) {
            throw ServiceException.unprocessable("step_not_applicable",
                    "step " + step + " does not apply to version " + task.modelVersion());
        }
        return definition;
    }

    private Map<String, Object> checkParams(StepDefinition definition, Map<String, Object> params) {
        try {
            return codec.encode(codec.decode(definition, params));
        } catch (InvalidParamsException e) {
            throw ServiceException.unprocessable(e.code(), e.getMessage());
        }
    }

    private Map<String, StepRun> latestByStep(Task task) {
        Map<String, StepRun> latest = new LinkedHashMap<>();
        runs.findByTask(task.id()).stream().sorted(Comparator.comparingInt(StepRun::attempt))
                .forEach(r -> latest.put(r.step(), r));
        return latest;
    }
}
