package gsvtrainer.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Upstream's output lines, in the formats its code prints them, into progress and metrics. */
class ProgressParsersTest {

    @Test
    void sovitsLogLinesBecomeEpochStepFractionAndLosses() {
        RecordingReporter reporter = new RecordingReporter();
        AtomicInteger saved = new AtomicInteger();
        SovitsProgress parser = new SovitsProgress(reporter, 8, saved::incrementAndGet);

        parser.accept("start training from epoch 3");
        parser.accept(" 50%|█████     | 2/4 [00:03<00:03,  1.52s/it]");
        parser.accept("INFO:spk:Train Epoch: 3 [50%]");
        parser.accept("INFO:spk:[2.6979, 2.3116, 9.2137, 21.6513, 1.4474, 2.1097, 200, 9.99625e-05]");
        parser.accept("INFO:spk:saving ckpt spk_e3:Success.");
        parser.accept("INFO:spk:====> Epoch: 3");

        assertThat(reporter.progress.get(0).detail()).containsEntry("epoch", 3);
        assertThat(reporter.progress.get(0).fraction()).isEqualTo(2 / 8.0);
        assertThat(reporter.metrics).extracting(RecordingReporter.Metric::name)
                .containsExactly("loss_disc", "loss_gen", "loss_fm", "loss_mel", "kl_ssl", "loss_kl", "lr");
        assertThat(reporter.metrics.get(3).value()).isEqualTo(21.6513);
        assertThat(reporter.metrics.get(3).detail()).containsEntry("step", 200L).containsEntry("epoch", 3);
        assertThat(saved).hasValue(1);
        var last = reporter.progress.get(reporter.progress.size() - 1);
        assertThat(last.fraction()).isEqualTo(3 / 8.0);
        assertThat(last.detail()).containsEntry("epoch", 3).containsEntry("step", 200L);
    }

    @Test
    void nanLossesAdvanceTheStepAndAreSaidOnceNotSentAsMetrics() {
        RecordingReporter reporter = new RecordingReporter();
        SovitsProgress parser = new SovitsProgress(reporter, 8, () -> { });

        parser.accept("INFO:spk:Train Epoch: 1 [0%]");
        parser.accept("INFO:spk:[nan, 2.3116, 9.2137, inf, 1.4474, 2.1097, 100, 9.99625e-05]");
        parser.accept("INFO:spk:[nan, 2.2, 9.1, nan, 1.4, 2.0, 200, 9.99e-05]");

        assertThat(reporter.metrics).extracting(RecordingReporter.Metric::name).doesNotContain("loss_disc", "loss_mel")
                .contains("loss_gen", "lr");
        assertThat(reporter.metrics).allMatch(m -> Double.isFinite(m.value()));
        assertThat(reporter.metrics).last().satisfies(m -> assertThat(m.detail()).containsEntry("step", 200L));
        assertThat(reporter.logs).filteredOn(l -> l.contains("NaN")).hasSize(1);
        assertThat(reporter.logs).noneMatch(l -> l.contains("unreadable"));
    }

    @Test
    void aFailedSaveIsLoggedNotReportedAsAWeight() {
        RecordingReporter reporter = new RecordingReporter();
        AtomicInteger saved = new AtomicInteger();
        new SovitsProgress(reporter, 2, saved::incrementAndGet)
                .accept("INFO:spk:saving ckpt spk_e1:Traceback (most recent call last):");
        assertThat(saved).hasValue(0);
        assertThat(reporter.logs).anyMatch(l -> l.startsWith("warn"));
    }

    @Test
    void theLightningBarBecomesProgressAndMetrics() {
        RecordingReporter reporter = new RecordingReporter();
        AtomicInteger epochsDone = new AtomicInteger();
        GptProgress parser = new GptProgress(reporter, 15, epochsDone::incrementAndGet);

        parser.accept("Epoch 0:  61%|██████    | 544/886 [01:10<00:44,  7.71it/s, v_num=0, total_loss_step=212.0, "
                + "lr_step=0.00287, top_3_acc_step=0.583]");
        parser.accept("Epoch 1:   0%|          | 0/886 [00:00<?, ?it/s, v_num=0, total_loss_step=180.0, "
                + "lr_step=0.004, top_3_acc_step=0.6]");

        assertThat(reporter.progress.get(0).detail()).containsEntry("epoch", 1).containsEntry("step", 544L);
        assertThat(reporter.progress.get(0).fraction()).isCloseTo(544 / 886.0 / 15, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(reporter.metrics).extracting(RecordingReporter.Metric::name).contains("total_loss", "lr", "top_3_acc");
        assertThat(reporter.metrics.get(0).value()).isEqualTo(212.0);
        assertThat(epochsDone).hasValue(1);
        assertThat(reporter.progress.get(1).detail()).containsEntry("epoch", 2);
    }
}
