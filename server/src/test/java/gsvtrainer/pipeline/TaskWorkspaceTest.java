package gsvtrainer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which clips ASR reads: denoised ones only when they are the denoised versions of today's slicing. */
class TaskWorkspaceTest {

    @TempDir
    Path root;

    TaskWorkspace workspace;

    @BeforeEach
    void twoSlicedClips() throws Exception {
        workspace = new TaskWorkspace(root);
        Files.createDirectories(workspace.sliced().resolve("_sources"));
        Files.createDirectories(workspace.denoised());
        clip(workspace.sliced(), "a_0000000000_0000064000.wav", 100);
        clip(workspace.sliced(), "a_0000064000_0000128000.wav", 100);
    }

    @Test
    void withoutDenoisedClipsASRReadsTheSlicedOnes() {
        assertThat(workspace.clipsForAsr()).isEqualTo(workspace.sliced());
    }

    @Test
    void aDenoisedClipWrittenAfterEachSlicedClipMakesASRReadTheDenoisedOnes() throws Exception {
        clip(workspace.denoised(), "a_0000000000_0000064000.wav", 200);
        clip(workspace.denoised(), "a_0000064000_0000128000.wav", 200);
        clip(workspace.denoised(), ".a_0000000000_0000064000.wav.tmp", 200);

        assertThat(workspace.clipsForAsr()).isEqualTo(workspace.denoised());
    }

    @Test
    void denoisedClipsOfAnEarlierSlicingAreNotRead() throws Exception {
        clip(workspace.denoised(), "a_0000000000_0000070000.wav", 200);
        clip(workspace.denoised(), "a_0000070000_0000128000.wav", 200);

        assertThat(workspace.clipsForAsr()).isEqualTo(workspace.sliced());
    }

    @Test
    void aDenoisedClipOlderThanItsSlicedClipIsStale() throws Exception {
        clip(workspace.denoised(), "a_0000000000_0000064000.wav", 200);
        clip(workspace.denoised(), "a_0000064000_0000128000.wav", 50);

        assertThat(workspace.clipsForAsr()).isEqualTo(workspace.sliced());
    }

    @Test
    void aDenoisingThatMissedAClipIsNotRead() throws Exception {
        clip(workspace.denoised(), "a_0000000000_0000064000.wav", 200);

        assertThat(workspace.clipsForAsr()).isEqualTo(workspace.sliced());
    }

    private static void clip(Path dir, String name, long secondsAfterEpoch) throws Exception {
        Path file = Files.write(dir.resolve(name), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(1_700_000_000L + secondsAfterEpoch)));
    }
}
