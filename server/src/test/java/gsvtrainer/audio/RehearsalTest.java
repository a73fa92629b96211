package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.pipeline.RehearsalContext;
import gsvtrainer.pipeline.TaskWorkspace;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audio steps rehearse their real work, on made-up audio, inside the scratch folder only. */
class RehearsalTest {

    @TempDir
    Path scratch;

    @Test
    void sliceAudioSlicesMadeUpSpeechIntoClipsInTheScratchFolder() throws Exception {
        new SliceAudioStep().rehearse(scratch);

        TaskWorkspace workspace = new RehearsalContext(scratch, 2).workspace();
        assertThat(AudioFiles.list(workspace.sliced(), ".wav")).hasSizeBetween(10, 40)
                .allSatisfy(clip -> assertThat(WavReader.readAll(clip).seconds()).isBetween(0.6, 25.0));
    }

    @Test
    void aRehearsalOnAnInterruptedThreadSlicesNothing() throws Exception {
        Thread.currentThread().interrupt();
        try {
            new SliceAudioStep().rehearse(scratch);
        } catch (ClosedByInterruptException e) {
            // stopped while it wrote its input
        } finally {
            Thread.interrupted();
        }

        assertThat(new RehearsalContext(scratch, 2).workspace().sliced()).doesNotExist();
    }
}
