package gsvtrainer.cli;

import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.GsvTrainerException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Base of the commands that talk to a server: builds the client from the shared options and turns a
 * failed call into a one-line message and exit code 3.
 */
abstract class ClientCommand implements Callable<Integer> {

    @Mixin
    ClientOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        GsvTrainerClient client;
        try {
            client = options.client();
        } catch (IllegalArgumentException e) {
            err().println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            return run(client);
        } catch (IllegalArgumentException e) {
            err().println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (GsvTrainerException e) {
            err().println("error: " + describe(e));
            return ExitCodes.SERVER_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err().println("interrupted");
            return ExitCodes.SERVER_ERROR;
        }
    }

    abstract int run(GsvTrainerClient client) throws InterruptedException;

    Output out() {
        return new Output(spec.commandLine().getOut(), options.json());
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    static String describe(GsvTrainerException e) {
        if (!e.hasStatus()) {
            return e.getMessage();
        }
        String detail = e.detail() == null || e.detail().isBlank() ? "HTTP " + e.status() : e.detail();
        return e.code() == null ? detail + " (HTTP " + e.status() + ")" : detail + " [" + e.code() + "]";
    }
}
