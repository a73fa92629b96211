package gsvtrainer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by {@code serve} and {@code worker}, passed to Spring as properties. */
public class ServerOptions {

    @Option(names = "--data-dir", description = "Data folder (default: $GSV_DATA_DIR or ./data)")
    Path dataDir;

    @Option(names = "--database-url", description = "JDBC URL (default: SQLite in the data folder)")
    String databaseUrl;

    @Option(names = "--gpus", description = "GPU slots: auto, 0,1, fake:N or none (default: $GSV_GPUS)")
    String gpus;

    @Option(names = "--log-level", description = "Root log level (default: INFO)")
    String logLevel;

    @Option(names = "--config", description = "An extra configuration file (YAML or properties)")
    Path config;

    List<String> springArgs() {
        List<String> args = new ArrayList<>();
        args.add("--gsv.data-dir=" + resolvedDataDir());
        if (databaseUrl != null) {
            args.add("--spring.datasource.url=" + databaseUrl);
        }
        if (gpus != null) {
            args.add("--gsv.gpus=" + gpus);
        }
        if (logLevel != null) {
            args.add("--logging.level.root=" + logLevel);
        }
        if (config != null) {
            args.add("--spring.config.additional-location=file:" + config.toAbsolutePath());
        }
        return args;
    }

    /** The data folder these options and the environment select; created if missing. */
    Path resolvedDataDir() {
        Path dir = dataDir != null ? dataDir
                : Path.of(System.getenv().getOrDefault("GSV_DATA_DIR", "data"));
        try {
            java.nio.file.Files.createDirectories(dir.resolve("tmp"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the data folder " + dir + ": " + e.getMessage(), e);
        }
        return dir.toAbsolutePath().normalize();
    }
}
