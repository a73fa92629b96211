package gsvtrainer.cli;

import gsvtrainer.client.GsvTrainerClient;
import picocli.CommandLine.Option;

/** Options every client command shares: which server, which API key, tables or raw JSON. */
public class ClientOptions {

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:GSV_SERVER:-http://127.0.0.1:8000}",
            description = "Server URL (default: $GSV_SERVER or http://127.0.0.1:8000)")
    String server;

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:GSV_API_KEY}",
            description = "API key, sent as a bearer token (default: $GSV_API_KEY)")
    String apiKey;

    @Option(names = "--json", description = "Print the server's JSON instead of tables")
    boolean json;

    /** A client for the chosen server; throws IllegalArgumentException for a malformed URL. */
    public GsvTrainerClient client() {
        return GsvTrainerClient.builder(server).apiKey(apiKey).build();
    }

    public boolean json() {
        return json;
    }
}
