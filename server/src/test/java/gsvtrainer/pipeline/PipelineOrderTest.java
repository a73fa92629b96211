package gsvtrainer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PipelineOrderTest {

    private final Pipeline pipeline = new Pipeline();

    @Test
    void namesTheStepAfterAStepInPipelineOrder() {
        assertThat(pipeline.after(Pipeline.CONVERT_AUDIO)).contains(Pipeline.SLICE_AUDIO);
        assertThat(pipeline.after(Pipeline.SLICE_AUDIO)).contains(Pipeline.DENOISE_AUDIO);
        assertThat(pipeline.after(Pipeline.TRAIN_GPT)).contains(Pipeline.TEST_INFERENCE);
        assertThat(pipeline.after(Pipeline.TEST_INFERENCE)).isEmpty();
        assertThat(pipeline.after("no_such_step")).isEmpty();
    }

    @Test
    void expectsANewTasksFirstStepAfterTheLastStep() {
        assertThat(pipeline.likelyAfter(Pipeline.CONVERT_AUDIO)).isEqualTo(Pipeline.SLICE_AUDIO);
        assertThat(pipeline.likelyAfter(Pipeline.TEST_INFERENCE)).isEqualTo(Pipeline.CONVERT_AUDIO);
    }
}
