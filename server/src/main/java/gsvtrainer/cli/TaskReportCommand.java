package gsvtrainer.cli;

import gsvtrainer.client.GsvTrainerClient;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code task report}: the dataset report, what training will use and why clips are left out. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Show the dataset report: usable minutes, length histogram, rejected and warned clips with reasons.")
final class TaskReportCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "TASK_ID")
    String taskId;

    @Option(names = "--clips", description = "Also list every clip with its measures")
    boolean clips;

    @Override
    int run(GsvTrainerClient client) {
        Map<String, Object> report = client.datasetReport(taskId);
        out().print(report, () -> print(report));
        return ExitCodes.OK;
    }

    private void print(Map<String, Object> report) {
        Output out = out();
        Map<?, ?> totals = (Map<?, ?>) report.get("totals");
        out.line(String.format("clips: %s usable of %s (%s with warnings, %s rejected); %s of %s minutes usable; "
                        + "transcript: %s", totals.get("usable_clips"), totals.get("clip_count"), totals.get("warning_clips"),
                totals.get("rejected_clips"), totals.get("usable_minutes"), totals.get("total_minutes"),
                report.get("transcript")));
        out.line("");
        Table histogram = Table.of("LENGTH", "CLIPS");
        list(totals.get("length_histogram")).forEach(b -> histogram.row(((Map<?, ?>) b).get("range"), ((Map<?, ?>) b).get("count")));
        out.table(histogram);
        section(out, "rejected", report.get("rejected"));
        section(out, "warnings", report.get("warnings"));
        section(out, "fixed", report.get("fixed"));
        if (clips) {
            out.line("");
            Table table = Table.of("CLIP", "SECONDS", "PEAK dBFS", "RMS dBFS", "SNR dB", "TRANSCRIPT", "RATE", "STATUS");
            list(report.get("clips")).forEach(c -> {
                Map<?, ?> clip = (Map<?, ?>) c;
                table.row(clip.get("name"), clip.get("duration_seconds"), clip.get("peak_dbfs"), clip.get("rms_dbfs"),
                        clip.get("snr_db"), clip.get("transcript"), clip.get("speech_rate"), clip.get("status"));
            });
            out.table(table);
        }
    }

    private static void section(Output out, String title, Object issues) {
        List<?> entries = list(issues);
        if (entries.isEmpty()) {
            return;
        }
        out.line("");
        out.line(title + " (" + entries.size() + "):");
        for (Object entry : entries) {
            Map<?, ?> issue = (Map<?, ?>) entry;
            out.line("  " + issue.get("clip") + ": " + String.join("; ", list(issue.get("reasons")).stream()
                    .map(String::valueOf).toList()));
        }
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
