package gsvtrainer.upstream;

import gsvtrainer.pipeline.StepAction;
import gsvtrainer.pipeline.StepContext;
import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.pipeline.TaskWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A feature-extraction step: one upstream prepare script started once per shard with webui's
 * environment variables, waited for, then merged. A failed shard fails the step, naming the shard
 * and its log.
 */
abstract class FeatureStep implements StepAction<FeatureParams> {

    /** Step-specific environment (pretrained paths) on top of the common variables. */
    abstract Map<String, String> env(UpstreamCheckout checkout, VersionProfile version);

    /** Removes this step's outputs (a forced re-run). */
    abstract void clearOutputs(Path exp) throws IOException;

    /** Merges the parts and checks the result; throws when there is nothing usable. */
    abstract void merge(Path exp, int parts) throws IOException, StepFailure;

    /** The folder whose file count tells progress, or null. */
    abstract String progressFolder();

    @Override
    public void run(StepContext context, FeatureParams params) throws Exception {
        VersionProfile version = VersionProfiles.forTask(context.taskConfig());
        UpstreamCheckout checkout = UpstreamCheckout.of(context);
        new Preflight(checkout).require(version, name());
        DatasetInput input = DatasetInput.require(context.workspace());
        Path exp = TaskWorkspace.ensure(context.workspace().experiment());
        if (context.force()) {
            clearOutputs(exp);
        }
        PartMerge.removeStaleParts(exp);
        WorkingDir cwd = WorkingDir.create(checkout, context.runDir());
        List<Shard> shards = Shard.plan(context, params == null ? null : params.gpuId());
        boolean half = Precision.isHalf(context, params == null ? null : params.isHalf());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("inp_text", input.list().toString());
        env.put("inp_wav_dir", input.wavDir().toString());
        env.put("exp_name", TaskNames.expName(context));
        env.put("opt_dir", exp.toString());
        env.put("is_half", Precision.python(half));
        env.put("version", version.name());
        env.putAll(env(checkout, version));
        context.reporter().log("info", name() + ": " + shards.size() + " shard(s), " + input.clips().size()
                + " clips, half precision " + half);

        List<UpstreamProcess> processes = new ArrayList<>();
        for (Shard shard : shards) {
            Map<String, String> shardEnv = new LinkedHashMap<>(env);
            shardEnv.put("i_part", Integer.toString(shard.index()));
            shardEnv.put("all_parts", Integer.toString(shard.count()));
            shardEnv.put("_CUDA_VISIBLE_DEVICES", shard.device());
            processes.add(UpstreamProcess.start(checkout, cwd, version.scriptFor(name()), List.of(), shardEnv,
                    context.runDir().resolve(shard.logName())));
        }
        List<Integer> exits = awaitAll(context, processes, exp, input.clips().size());
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            if (exits.get(i) == STOPPED) {
                failed.add("shard " + shards.get(i).index() + " was stopped");
            } else if (exits.get(i) != 0) {
                Shard shard = shards.get(i);
                failed.add("shard " + shard.index() + " of " + shard.count() + " exited with code " + exits.get(i)
                        + " (log " + context.workspace().root().relativize(processes.get(i).log()) + "): "
                        + processes.get(i).tail(3));
            }
        }
        if (!failed.isEmpty()) {
            throw new StepFailure("upstream_failed", name() + " failed: " + String.join("; ", failed));
        }
        try {
            merge(exp, shards.size());
        } catch (StepFailure e) {
            if (!"no_features".equals(e.code())) {
                throw e;
            }
            UpstreamProcess first = processes.get(0);
            throw new StepFailure(e.code(), e.getMessage() + ". Upstream's script prints each clip's error and exits 0; last lines of "
                    + context.workspace().root().relativize(first.log()) + ": " + first.tail(3));
        }
    }

    /** The exit recorded for a shard stopped because another one failed. */
    private static final int STOPPED = Integer.MIN_VALUE;

    /**
     * Waits for every shard; once one fails, the others are stopped rather than left to run for hours
     * on GPUs the failed step still holds.
     */
    private List<Integer> awaitAll(StepContext context, List<UpstreamProcess> processes, Path exp, int clips)
            throws IOException, InterruptedException {
        Integer[] exits = new Integer[processes.size()];
        boolean stopping = false;
        int left = processes.size();
        while (left > 0) {
            for (int i = 0; i < processes.size(); i++) {
                if (exits[i] != null) {
                    continue;
                }
                java.util.OptionalInt exit = processes.get(i).poll(line -> report(context, exp, clips));
                if (exit.isEmpty()) {
                    continue;
                }
                exits[i] = stopping && exit.getAsInt() != 0 ? STOPPED : exit.getAsInt();
                left--;
                if (exit.getAsInt() != 0 && !stopping) {
                    stopping = true;
                    processes.forEach(UpstreamProcess::kill);
                }
            }
            if (left > 0) {
                Thread.sleep(200);
            }
        }
        return List.of(exits);
    }

    private long lastReport;

    private void report(StepContext context, Path exp, int clips) {
        if (progressFolder() == null || System.currentTimeMillis() - lastReport < 1000) {
            return;
        }
        lastReport = System.currentTimeMillis();
        Path folder = exp.resolve(progressFolder());
        try (var files = Files.list(folder)) {
            long done = files.count();
            context.reporter().progress(Math.min(0.99, (double) done / clips), Map.of("files_done", done, "files_total", clips));
        } catch (IOException e) {
            // the folder appears once the script has loaded its model
        }
    }
}
