package gsvtrainer.cli;

import gsvtrainer.GsvTrainerApplication;
import gsvtrainer.auth.ApiKey;
import gsvtrainer.auth.ApiKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Creates, lists and revokes API keys, directly in the database. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage API keys.",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public class KeysCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static ConfigurableApplicationContext context(ServerOptions server) {
        List<String> args = new ArrayList<>(server.springArgs());
        args.add("--gsv.executor.enabled=false");
        args.add("--logging.level.root=WARN");
        return new SpringApplicationBuilder(GsvTrainerApplication.class).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key; its secret is shown once.")
    static class Create implements Callable<Integer> {
        @Mixin
        ServerOptions server;

        @Option(names = "--name", defaultValue = "default", description = "A name to recognise the key by")
        String name;

        @Option(names = "--admin", description = "The key sees every task")
        boolean admin;

        @Override
        public Integer call() {
            try (var context = context(server)) {
                ApiKeys.Created created = context.getBean(ApiKeys.class).create(name, admin);
                System.out.println(created.secret());
                System.err.println("created key " + created.key().id() + " (" + created.key().scope()
                        + "); the secret above is not stored and cannot be shown again");
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (never their secrets).")
    static class ListKeys implements Callable<Integer> {
        @Mixin
        ServerOptions server;

        @Override
        public Integer call() {
            try (var context = context(server)) {
                System.out.printf("%-18s %-12s %-6s %-24s %s%n", "ID", "PREFIX", "SCOPE", "CREATED", "NAME");
                for (ApiKey key : context.getBean(ApiKeys.class).list()) {
                    System.out.printf("%-18s %-12s %-6s %-24s %s%s%n", key.id(), key.prefix(), key.scope(),
                            key.createdAt(), key.name(), key.revokedAt() == null ? "" : " (revoked)");
                }
                return 0;
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key by id or prefix.")
    static class Revoke implements Callable<Integer> {
        @Mixin
        ServerOptions server;

        @Parameters(index = "0", description = "Key id or prefix")
        String key;

        @Override
        public Integer call() {
            try (var context = context(server)) {
                boolean revoked = context.getBean(ApiKeys.class).revoke(key);
                System.out.println(revoked ? "revoked " + key : "no active key " + key);
                return revoked ? 0 : 1;
            }
        }
    }
}
