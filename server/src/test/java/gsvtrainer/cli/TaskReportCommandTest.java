package gsvtrainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TaskReportCommandTest {

    private static final String REPORT = """
            {"transcript": "present",
             "totals": {"clip_count": 3, "usable_clips": 2, "warning_clips": 1, "rejected_clips": 1,
                        "total_minutes": 1.1, "usable_minutes": 0.1,
                        "length_histogram": [{"range": "0-0.6 s", "count": 0}, {"range": "54+ s", "count": 1}]},
             "rejected": [{"clip": "long.wav", "reasons": ["longer than 54 s (60.0 s): upstream's training drops it"]}],
             "warnings": [{"clip": "clipped.wav", "reasons": ["clipping: 6.68 % of samples at full scale (over 0.1 %)"]}],
             "fixed": [],
             "clips": [{"name": "long.wav", "duration_seconds": 60.0, "status": "rejected"}]}""";

    private final FakeApi api = new FakeApi();
    private final StringWriter out = new StringWriter();

    TaskReportCommandTest() throws IOException {
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void printsTotalsHistogramAndTheReasonsClipsAreLeftOut() {
        api.json("/task/t_1/dataset/report", 200, REPORT);

        assertThat(execute("report", "t_1", "--clips")).isZero();

        assertThat(out.toString())
                .contains("clips: 2 usable of 3 (1 with warnings, 1 rejected); 0.1 of 1.1 minutes usable")
                .contains("54+ s").contains("rejected (1):")
                .contains("long.wav: longer than 54 s (60.0 s): upstream's training drops it")
                .contains("warnings (1):").doesNotContain("fixed (")
                .contains("CLIP").contains("60.0");
    }

    @Test
    void anAnswerItCannotReadIsAnUnexpectedErrorInOneLineNotAStackTrace() {
        api.json("/task/t_1/dataset/report", 200, "{}");
        StringWriter err = new StringWriter();
        CommandLine main = gsvtrainer.Main.commandLine();
        main.setOut(new PrintWriter(out, true));
        main.setErr(new PrintWriter(err, true));

        int code = main.execute("task", "report", "t_1", "--server", api.url());

        assertThat(code).isEqualTo(gsvtrainer.Main.UNEXPECTED);
        assertThat(err.toString()).startsWith("error: ").doesNotContain("\tat ");
    }

    private int execute(String... args) {
        CommandLine command = new CommandLine(new TaskCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(new StringWriter(), true));
        String[] withServer = java.util.Arrays.copyOf(args, args.length + 2);
        withServer[args.length] = "--server";
        withServer[args.length + 1] = api.url();
        return command.execute(withServer);
    }
}
