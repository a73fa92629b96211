package gsvtrainer.cli;

import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.TaskInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code task create}: a new task with its training config. */
@Command(name = "create", description = "Create a task.")
final class TaskCreateCommand extends ClientCommand {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--name", required = true, description = "Task name; also the experiment name unless --config exp_name=... is given")
    String name;

    @Option(names = "--language", description = "Language of the recordings (server default: zh)")
    String language;

    @Option(names = "--version", description = "GPT-SoVITS model version, e.g. v2ProPlus")
    String version;

    @Option(names = {"-c", "--config"}, paramLabel = "KEY=VALUE", description = "More config, e.g. -c batch_size=8 -c epochs_s2=20")
    List<String> config = new ArrayList<>();

    @Override
    int run(GsvTrainerClient client) {
        TaskInfo task = client.createTask(name, config(name, language, version, config));
        out().print(task, () -> out().line(task.taskId()));
        return ExitCodes.OK;
    }

    static Map<String, Object> config(String name, String language, String version, List<String> pairs) {
        Map<String, Object> config = KeyValues.parse(pairs);
        config.putIfAbsent("exp_name", name);
        if (language != null) {
            config.put("language", language);
        }
        if (version != null) {
            config.put("version", version);
        }
        return config;
    }
}
