package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSlicerTest {

    @TempDir
    Path dir;

    @Test
    void clipsWrittenOnSeveralThreadsAreThoseOfOneThreadInOrderWithAllTheProgress() throws Exception {
        Path source = dir.resolve("speech.wav");
        SlicerTest.writeContinuousSpeech(source, 32000, 60);
        SliceAudioParams params = new SliceAudioParams(null, null, null, null, null, null, null, 5.0, null);

        DoubleAdder progress = new DoubleAdder();
        SourceSlicer.Manifest one = new SourceSlicer(params, Files.createDirectories(dir.resolve("one")),
                dir.resolve("scratch"), 1).slice(source, false, progress::add);
        SourceSlicer.Manifest three = new SourceSlicer(params, Files.createDirectories(dir.resolve("three")),
                dir.resolve("scratch"), 3).slice(source, false, progress::add);

        assertThat(three.clips()).hasSizeGreaterThan(8).isEqualTo(one.clips());
        for (SourceSlicer.Clip clip : one.clips()) {
            assertThat(Files.readAllBytes(dir.resolve("three").resolve(clip.file())))
                    .isEqualTo(Files.readAllBytes(dir.resolve("one").resolve(clip.file())));
        }
        assertThat(progress.sum()).isEqualTo(2 * one.seconds(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(List.of(one.seconds(), three.seconds())).containsOnly(one.seconds());
    }

    @Test
    void clipsAreNamedAsUpstreamNamesThem() {
        assertThat(SourceSlicer.clipName("take_one", 0, 1_234_560)).isEqualTo("take_one_0000000000_0001234560.wav");
        assertThat(SourceSlicer.clipName("a", 98_765_432_101L, 98_765_432_102L)).isEqualTo("a_98765432101_98765432102.wav");
        for (long start : new long[] {1, 320, 9_999_999_999L}) {
            assertThat(SourceSlicer.clipName("x", start, start + 7)).isEqualTo(String.format("x_%010d_%010d.wav", start, start + 7));
        }
    }
}
