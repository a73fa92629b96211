package gsvtrainer.api;

import java.util.List;
import java.util.Map;

/** Request bodies of the API. */
final class Requests {

    private Requests() {
    }

    /** {@code POST /task/create}. */
    record CreateTask(String taskName, Map<String, Object> config) {
    }

    /** {@code POST /task/{id}/step/{step}}. */
    record RunStep(Map<String, Object> params, Boolean force) {
    }

    /** {@code POST /task/{id}/pipeline}. */
    record RunPipeline(String from, String to, String stopAfter, List<String> skip,
                       Map<String, Map<String, Object>> params, Boolean force) {
    }
}
