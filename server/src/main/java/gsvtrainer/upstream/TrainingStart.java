package gsvtrainer.upstream;

import gsvtrainer.dataset.DatasetReports;
import gsvtrainer.pipeline.StepContext;
import gsvtrainer.pipeline.StepFailure;
import java.nio.file.Path;

/**
 * What both trainings check before they start: the task's version profile, a ready upstream
 * checkout for this step, and a dataset with enough usable clips.
 */
record TrainingStart(VersionProfile version, UpstreamCheckout checkout, Path experiment) {

    static TrainingStart check(StepContext context, String step) throws StepFailure {
        VersionProfile version = VersionProfiles.forTask(context.taskConfig());
        UpstreamCheckout checkout = UpstreamCheckout.of(context);
        new Preflight(checkout).require(version, step);
        DatasetReports.requireTrainable(context.workspace());
        return new TrainingStart(version, checkout, context.workspace().experiment());
    }
}
