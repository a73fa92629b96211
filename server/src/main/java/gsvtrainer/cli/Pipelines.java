package gsvtrainer.cli;

import gsvtrainer.client.PipelineResponse;

/** The human view of a pipeline/resume/approve answer. */
final class Pipelines {

    private Pipelines() {
    }

    static void print(Output out, PipelineResponse answer) {
        out.print(answer, () -> {
            out.line(answer.message() == null ? "queued" : answer.message());
            Table table = Table.of("STEP", "RUN ID");
            for (int i = 0; i < answer.steps().size(); i++) {
                table.row(answer.steps().get(i), i < answer.runIds().size() ? answer.runIds().get(i) : null);
            }
            if (!table.isEmpty()) {
                out.table(table);
            }
        });
    }
}
