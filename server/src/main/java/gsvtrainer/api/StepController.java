package gsvtrainer.api;

import gsvtrainer.auth.ApiKeyFilter;
import gsvtrainer.auth.Caller;
import gsvtrainer.errors.ServiceException;
import gsvtrainer.pipeline.ParamsCodec;
import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.StepDefinition;
import gsvtrainer.pipeline.StepRegistry;
import gsvtrainer.steprun.RunRequests;
import gsvtrainer.steprun.RunRequests.PipelineRequest;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.steprun.StepRunRepository;
import gsvtrainer.task.Task;
import gsvtrainer.task.TaskService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Running steps and pipelines, and reading their runs. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "steps")
class StepController {

    private final RunRequests requests;
    private final TaskService tasks;
    private final StepRunRepository runs;
    private final Pipeline pipeline;
    private final StepRegistry registry;

    StepController(RunRequests requests, TaskService tasks, StepRunRepository runs, Pipeline pipeline,
                   StepRegistry registry) {
        this.requests = requests;
        this.tasks = tasks;
        this.runs = runs;
        this.pipeline = pipeline;
        this.registry = registry;
    }

    @PostMapping("/task/{taskId}/step/{step}")
    @Operation(summary = "Queue one step; it runs in the background")
    Map<String, Object> runStep(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId,
                                @PathVariable String step, @RequestBody(required = false) Requests.RunStep body) {
        Map<String, Object> params = body == null ? Map.of() : body.params();
        boolean force = body != null && Boolean.TRUE.equals(body.force());
        StepRun run = requests.runStep(caller, taskId, step, params, force);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", "step " + step + " queued");
        answer.put("task_id", taskId);
        answer.put("step", step);
        answer.put("run_id", run.id());
        answer.put("attempt", run.attempt());
        answer.put("status", run.status().wireName());
        return answer;
    }

    @PostMapping("/task/{taskId}/pipeline")
    @Operation(summary = "Queue the remaining pipeline; steps start as their dependencies succeed")
    Map<String, Object> runPipeline(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId,
                                    @RequestBody(required = false) Requests.RunPipeline body) {
        Requests.RunPipeline b = body == null ? new Requests.RunPipeline(null, null, null, null, null, null) : body;
        List<StepRun> queued = requests.runPipeline(caller, taskId, new PipelineRequest(b.from(), b.to(), b.stopAfter(),
                b.skip(), b.params(), Boolean.TRUE.equals(b.force())));
        return queuedAnswer("pipeline queued", queued);
    }

    @PostMapping("/task/{taskId}/resume")
    @Operation(summary = "Queue again the steps whose latest run was interrupted, failed or cancelled")
    Map<String, Object> resume(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId) {
        return queuedAnswer("task resumed", requests.resume(caller, taskId));
    }

    @GetMapping("/task/{taskId}/runs")
    @Operation(summary = "The task's step runs, oldest first")
    List<StepRunInfo> listRuns(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId) {
        Task task = tasks.require(caller, taskId);
        return runs.findByTask(task.id()).stream().map(StepRunInfo::of).toList();
    }

    @GetMapping("/task/{taskId}/runs/{runId}")
    @Operation(summary = "One step run")
    StepRunInfo getRun(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId,
                       @PathVariable String runId) {
        return StepRunInfo.of(requireRun(caller, taskId, runId));
    }

    @GetMapping("/steps")
    @Operation(summary = "The step catalog: dependencies, resources, params with defaults, availability")
    List<Map<String, Object>> catalog() {
        ParamsCodec codec = new ParamsCodec();
        return pipeline.all().stream().map(step -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", step.name());
            entry.put("depends_on", step.dependsOn());
            entry.put("after", step.after());
            entry.put("gpu", step.resources().gpu());
            entry.put("shardable", step.resources().shardable());
            entry.put("multi_gpu", step.resources().multiGpu());
            entry.put("skippable", step.skippable());
            entry.put("versions", step.versions().isEmpty() ? List.of("all") : List.copyOf(step.versions()));
            entry.put("inputs", step.inputs());
            entry.put("outputs", step.outputs());
            entry.put("params", codec.encode(defaults(step)));
            entry.put("available", registry.isAvailable(step.name()));
            return entry;
        }).toList();
    }

    StepRun requireRun(Caller caller, String taskId, String runId) {
        Task task = tasks.require(caller, taskId);
        return runs.find(runId).filter(r -> r.taskId().equals(task.id()))
                .orElseThrow(() -> ServiceException.notFound("run_not_found", "run " + runId + " not found"));
    }

    private static Map<String, Object> queuedAnswer(String message, List<StepRun> queued) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", message);
        answer.put("steps", queued.stream().map(StepRun::step).toList());
        answer.put("run_ids", queued.stream().map(StepRun::id).toList());
        return answer;
    }

    private static Record defaults(StepDefinition step) {
        try {
            Method method = step.paramsType().getMethod("defaults");
            return (Record) method.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("params type of " + step.name() + " has no defaults()", e);
        }
    }
}
