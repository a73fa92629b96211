package gsvtrainer.cli;

import gsvtrainer.client.Json;
import java.io.PrintWriter;

/** Where a command prints its result: a human table or, with {@code --json}, the JSON of the result. */
final class Output {

    private final PrintWriter out;
    private final boolean json;

    Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    /** Prints {@code value} as JSON when asked to, else runs {@code human}. */
    void print(Object value, Runnable human) {
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } else {
            human.run();
        }
        out.flush();
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }

    void table(Table table) {
        table.print(out);
        out.flush();
    }

    PrintWriter writer() {
        return out;
    }
}
