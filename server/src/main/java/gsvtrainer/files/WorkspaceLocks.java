package gsvtrainer.files;

import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * Serialises, within this server, the changes of one task's workspace that must not interleave: an
 * upload's check-and-commit against another upload's, and against the task's deletion; a transcript
 * edit's check that no ASR is active, and its write, against a run being queued. Tasks share 64
 * stripes; a holder keeps one briefly (a size check, a rename, a row, a rewritten list).
 */
@Component
public class WorkspaceLocks {

    private final Object[] stripes = IntStream.range(0, 64).mapToObj(i -> new Object()).toArray();

    /** The monitor to hold while changing the workspace of {@code taskId}. */
    public Object of(String taskId) {
        return stripes[Math.floorMod(taskId.hashCode(), stripes.length)];
    }
}
