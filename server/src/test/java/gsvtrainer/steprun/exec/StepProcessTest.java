package gsvtrainer.steprun.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Run errors reach API clients: the task workspace appears in them only as relative paths. */
class StepProcessTest {

    private static RunSpec spec(String workspace) {
        return new RunSpec("r_1", "t_1", "slice_audio", Map.of(), false, Map.of(), List.of(), 1, workspace, Map.of(), null);
    }

    @Test
    void theWorkspaceRootIsTakenOutOfErrorMessages() {
        RunSpec spec = spec("/srv/gsv/data/tasks/t_1");

        assertThat(StepProcess.withinWorkspace(spec, "NoSuchFileException: /srv/gsv/data/tasks/t_1/sliced/a.wav"))
                .isEqualTo("NoSuchFileException: sliced/a.wav");
        assertThat(StepProcess.withinWorkspace(spec, "cannot list /srv/gsv/data/tasks/t_1")).isEqualTo("cannot list .");
        assertThat(StepProcess.withinWorkspace(spec, "missing pretrained /opt/GPT-SoVITS/GPT_SoVITS/pretrained_models/x"))
                .as("the checkout's paths stay, for the operator").contains("/opt/GPT-SoVITS");
        assertThat(StepProcess.withinWorkspace(spec, null)).isNull();
    }
}
