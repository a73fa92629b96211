package gsvtrainer.steprun;

import gsvtrainer.files.UploadListener;
import gsvtrainer.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A new upload makes the task's converted audio, and everything made from it, outdated: the next
 * pipeline run (without force) converts again, so the upload reaches the dataset.
 */
@Component
class UploadsOutdateConversion implements UploadListener {

    private final RunLifecycle lifecycle;
    private final List<String> steps;

    UploadsOutdateConversion(RunLifecycle lifecycle, Pipeline pipeline) {
        this.lifecycle = lifecycle;
        List<String> stale = new ArrayList<>(List.of(Pipeline.CONVERT_AUDIO));
        stale.addAll(pipeline.downstreamOf(Pipeline.CONVERT_AUDIO));
        this.steps = List.copyOf(stale);
    }

    @Override
    public void uploaded(String taskId) {
        lifecycle.markOutdated(taskId, steps);
    }
}
