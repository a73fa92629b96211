package gsvtrainer.pipeline;

import java.nio.file.Path;
import java.util.Map;

/**
 * The channel from a running step back to the service. Implementations serialise each call as one
 * line so the channel works over a local log file today and a remote job's log stream later.
 */
public interface RunReporter {

    /**
     * Progress of this run.
     *
     * @param fraction 0..1 of the run done
     * @param detail   what the fraction means, e.g. {@code {"files_done": 3, "files_total": 10}} or
     *                 {@code {"epoch": 2, "step": 400}}
     */
    void progress(double fraction, Map<String, Object> detail);

    /** A named metric value (e.g. {@code loss_mel}) at a training step. */
    void metric(String name, double value, Map<String, Object> detail);

    /** A file the step produced that clients may list and download. */
    void artifact(String kind, Path path, Map<String, Object> metadata);

    /** A human-readable line at a level ({@code info}, {@code warn}, {@code error}). */
    void log(String level, String message);
}
