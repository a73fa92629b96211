package gsvtrainer.cli;

import gsvtrainer.GsvTrainerApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs only the executor: schedules and runs steps from the database, no HTTP. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Run steps from the database without serving HTTP (one executor per database holds the lease).")
public class WorkerCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(server.springArgs());
        new SpringApplicationBuilder(GsvTrainerApplication.class).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
        return 0;
    }
}
