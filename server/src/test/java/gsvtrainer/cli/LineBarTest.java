package gsvtrainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** In a log file, progress is a line per 10 % or per step, however often its details change. */
class LineBarTest {

    @Test
    void detailsThatChangeEveryEventPrintNoLineOfTheirOwn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (LineBar bar = new LineBar("step", 100, false, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            for (int event = 0; event < 500; event++) {
                int percent = event / 10;   // 0..49 % of train_sovits, then train_gpt
                String step = event < 250 ? "train_sovits" : "train_gpt";
                bar.update(event < 250 ? percent * 2 : (event - 250) * 100 / 250, step + " epoch=" + event + " step=" + event * 7);
            }
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");

        // train_sovits reaches 48 %: 5 lines; train_gpt 0-99 %: 10; the last state on close: 1 (500 events in all)
        assertThat(lines.length).as(String.join("\n", lines)).isEqualTo(16);
        assertThat(lines).allMatch(l -> !l.contains("\r") && !l.contains("\u001b"));
        assertThat(lines[0]).startsWith("step: 0% train_sovits epoch=0");
        assertThat(lines).anyMatch(l -> l.startsWith("step: 0% train_gpt"));
    }
}
