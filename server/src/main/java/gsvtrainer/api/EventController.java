package gsvtrainer.api;

import gsvtrainer.auth.ApiKeyFilter;
import gsvtrainer.auth.Caller;
import gsvtrainer.events.EventRepository;
import gsvtrainer.task.Task;
import gsvtrainer.task.TaskService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A task's event log: pages by cursor, or a live Server-Sent Event stream. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "events")
class EventController {

    private final TaskService tasks;
    private final EventRepository events;
    private final EventStreamHub hub;

    EventController(TaskService tasks, EventRepository events, EventStreamHub hub) {
        this.tasks = tasks;
        this.events = events;
        this.hub = hub;
    }

    @GetMapping("/task/{taskId}/events")
    @Operation(summary = "Events after a cursor, oldest first")
    Map<String, Object> list(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId,
                             @RequestParam(defaultValue = "0") long after,
                             @RequestParam(defaultValue = "100") int limit) {
        Task task = tasks.require(caller, taskId);
        List<EventInfo> page = events.after(task.id(), Math.max(0, after), Math.max(1, Math.min(1000, limit))).stream()
                .map(EventInfo::of).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("events", page);
        answer.put("next_after", page.isEmpty() ? Math.max(0, after) : page.get(page.size() - 1).id());
        return answer;
    }

    @GetMapping(value = "/task/{taskId}/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live events (Server-Sent Events); resumes after Last-Event-ID")
    SseEmitter stream(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId,
                      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(required = false) Long after) {
        Task task = tasks.require(caller, taskId);
        long cursor = after != null ? after : parse(lastEventId);
        return hub.subscribe(task.id(), Math.max(0, cursor));
    }

    private static long parse(String id) {
        try {
            return id == null ? 0 : Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
