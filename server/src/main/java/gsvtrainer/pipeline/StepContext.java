package gsvtrainer.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a running step sees: its task's workspace, the task config, the devices it was given and a
 * reporter for progress, metrics, artifacts and log lines.
 */
public interface StepContext {

    /** The task's workspace (uploads, intermediate folders, weights). */
    TaskWorkspace workspace();

    /** The task config as the client sent it (exp_name, language, version, batch_size, ...). */
    Map<String, Object> taskConfig();

    /** GPU ids this run was given; empty when it runs on CPU. */
    List<String> gpus();

    /** Number of CPU threads this run may use. */
    int cpuThreads();

    /** This run's own folder (its log, scratch space). */
    Path runDir();

    /** Whether the client asked to redo work whose outputs already exist. */
    boolean force();

    /** Settings the step may need (upstream dir and interpreter, ...), by name. */
    Map<String, String> settings();

    RunReporter reporter();
}
