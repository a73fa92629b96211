package gsvtrainer.steprun.exec;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.StepAction;
import gsvtrainer.pipeline.StepContext;
import gsvtrainer.pipeline.StepRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepProcessTest {

    /** A step that records being prepared, or fails to be. */
    private record Preparing(String name, CountDownLatch prepared, boolean fails) implements StepAction<Preparing.None> {

        record None() {
        }

        @Override
        public void run(StepContext context, None params) {
            throw new AssertionError("never run here");
        }

        @Override
        public void prepare() {
            prepared.countDown();
            if (fails) {
                throw new UnsatisfiedLinkError("no such library");
            }
        }
    }

    private static RunSpec spec(String workspace) {
        return new RunSpec("r_1", "t_1", "slice_audio", Map.of(), false, Map.of(), List.of(), 1, workspace, Map.of(), null);
    }

    @Test
    void warmingUpPreparesEveryStepOnABackgroundThreadAndAFailureThereStopsNothing() throws Exception {
        CountDownLatch prepared = new CountDownLatch(2);
        StepRegistry registry = new StepRegistry(List.of(new Preparing(Pipeline.CONVERT_AUDIO, prepared, true),
                new Preparing(Pipeline.SLICE_AUDIO, prepared, false)));
        StepProcess process = new StepProcess(() -> registry, new Pipeline(), System.out);

        Thread preparing = process.warmUp(() -> false).orElseThrow();

        assertThat(preparing).isNotSameAs(Thread.currentThread());
        assertThat(prepared.await(10, TimeUnit.SECONDS)).isTrue();
        preparing.join(10_000);
        assertThat(preparing.isAlive()).isFalse();
    }

    @Test
    void aRunArrivingDuringWarmUpStopsItBeforeAnythingIsPrepared() {
        CountDownLatch prepared = new CountDownLatch(1);
        StepRegistry registry = new StepRegistry(List.of(new Preparing(Pipeline.CONVERT_AUDIO, prepared, false)));

        assertThat(new StepProcess(() -> registry, new Pipeline(), System.out).warmUp(() -> true)).isEmpty();
        assertThat(prepared.getCount()).isOne();
    }

    /** A step whose rehearsal writes into its scratch folder, then waits until it is interrupted. */
    private record Rehearsing(String name, CountDownLatch started, AtomicReference<Path> scratch)
            implements StepAction<Preparing.None> {

        @Override
        public void run(StepContext context, Preparing.None params) {
            throw new AssertionError("never run here");
        }

        @Override
        public void rehearse(Path scratch) throws Exception {
            Files.writeString(scratch.resolve("made-up.wav"), "made up");
            this.scratch.set(scratch);
            started.countDown();
            Thread.sleep(60_000);
        }
    }

    /** A process whose two steps, convert and slice, rehearse until interrupted; slice is rehearsing. */
    private record TwoRehearsals(StepProcess process, Thread preparing, CountDownLatch convertStarted,
            AtomicReference<Path> scratch) {

        static TwoRehearsals sliceUnderWay(Path dir) throws InterruptedException {
            CountDownLatch sliceStarted = new CountDownLatch(1);
            CountDownLatch convertStarted = new CountDownLatch(1);
            AtomicReference<Path> scratch = new AtomicReference<>();
            StepRegistry registry = new StepRegistry(List.of(new Rehearsing(Pipeline.CONVERT_AUDIO, convertStarted,
                    scratch), new Rehearsing(Pipeline.SLICE_AUDIO, sliceStarted, scratch)));
            StepProcess process = new StepProcess(() -> registry, new Pipeline(), System.out);
            Thread preparing = process.warmUp(() -> false, Optional.of(Pipeline.SLICE_AUDIO), dir.resolve("rehearsal"))
                    .orElseThrow();
            assertThat(sliceStarted.await(10, TimeUnit.SECONDS)).isTrue();
            return new TwoRehearsals(process, preparing, convertStarted, scratch);
        }

        void stopAndJoin() throws InterruptedException {
            process.stopRehearsing();
            preparing.join(10_000);
            assertThat(preparing.isAlive()).isFalse();
        }
    }

    @Test
    void warmingUpRehearsesTheExpectedStepUntilStoppedAndRemovesItsScratchFolder(@TempDir Path dir) throws Exception {
        TwoRehearsals rehearsals = TwoRehearsals.sliceUnderWay(dir);

        assertThat(rehearsals.scratch().get()).isEqualTo(dir.resolve("rehearsal"));
        assertThat(dir.resolve("rehearsal/made-up.wav")).exists();
        rehearsals.stopAndJoin();
        assertThat(rehearsals.convertStarted().getCount()).as("only the expected step rehearses").isOne();
        assertThat(dir.resolve("rehearsal")).doesNotExist();
    }

    @Test
    void aStepExpectedLaterIsRehearsedInsteadOfTheRestOfTheOneUnderWay(@TempDir Path dir) throws Exception {
        TwoRehearsals rehearsals = TwoRehearsals.sliceUnderWay(dir);

        rehearsals.process().expect(Pipeline.CONVERT_AUDIO);

        assertThat(rehearsals.convertStarted().await(10, TimeUnit.SECONDS)).as("the newly expected step rehearses")
                .isTrue();
        rehearsals.process().expect(Pipeline.CONVERT_AUDIO);
        rehearsals.stopAndJoin();
        assertThat(dir.resolve("rehearsal")).doesNotExist();
    }

    @Test
    void aRehearsalStoppedBeforeItBeganNeverStarts(@TempDir Path dir) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        StepRegistry registry = new StepRegistry(List.of(new Rehearsing(Pipeline.SLICE_AUDIO, started,
                new AtomicReference<>())));
        StepProcess process = new StepProcess(() -> registry, new Pipeline(), System.out);

        process.stopRehearsing();
        process.warmUp(() -> false, Optional.of(Pipeline.SLICE_AUDIO), dir.resolve("rehearsal")).orElseThrow()
                .join(10_000);

        assertThat(started.getCount()).isOne();
        assertThat(dir.resolve("rehearsal")).doesNotExist();
    }

    /** Run errors reach API clients: the task workspace appears in them only as relative paths. */
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
