package gsvtrainer.api;

import gsvtrainer.auth.ApiKeyFilter;
import gsvtrainer.auth.Caller;
import gsvtrainer.task.TaskService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tasks: the old service's endpoints, wire-compatible. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "tasks")
class TaskController {

    private final TaskService tasks;
    private final RunLogs logs;

    TaskController(TaskService tasks, RunLogs logs) {
        this.tasks = tasks;
        this.logs = logs;
    }

    @PostMapping("/task/create")
    @Operation(summary = "Create a task")
    TaskInfo create(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @RequestBody Requests.CreateTask body) {
        return TaskInfo.of(tasks.create(caller, body.taskName(), body.config()));
    }

    @GetMapping("/task/{taskId}")
    @Operation(summary = "A task with its derived status and progress")
    TaskInfo get(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId) {
        return TaskInfo.of(tasks.get(caller, taskId));
    }

    @GetMapping("/tasks")
    @Operation(summary = "The caller's tasks")
    List<TaskInfo> list(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller) {
        return tasks.list(caller).stream().map(TaskInfo::of).toList();
    }

    @PostMapping("/task/{taskId}/cancel")
    @Operation(summary = "Cancel every queued or running step of the task")
    Map<String, Object> cancel(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId) {
        int cancelled = tasks.cancel(caller, taskId);
        return Map.of("message", "task " + taskId + " cancelled", "cancelled_runs", cancelled);
    }

    @DeleteMapping("/task/{taskId}")
    @Operation(summary = "Cancel the task's running steps, then delete the task and its files")
    Map<String, Object> delete(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId) {
        tasks.delete(caller, taskId);
        return Map.of("message", "task " + taskId + " deleted");
    }

    @GetMapping("/task/{taskId}/logs")
    @Operation(summary = "All runs' logs, oldest first (the last 256 KiB)")
    Map<String, Object> logs(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId) {
        return Map.of("logs", logs.taskLog(tasks.require(caller, taskId)));
    }
}
