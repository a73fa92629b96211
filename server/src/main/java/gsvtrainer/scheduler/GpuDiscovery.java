package gsvtrainer.scheduler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Turns the {@code gpus} setting into GPU slot ids: empty = none, {@code auto} = every GPU that
 * nvidia-smi lists, {@code fake:N} = N slots without a GPU (for tests), else a list like {@code 0,1}.
 */
public final class GpuDiscovery {

    private GpuDiscovery() {
    }

    public static List<String> slots(String setting) {
        String value = setting == null ? "" : setting.trim();
        if (value.isEmpty() || value.equalsIgnoreCase("none") || value.equalsIgnoreCase("cpu")) {
            return List.of();
        }
        if (value.equalsIgnoreCase("auto")) {
            return nvidiaSmi();
        }
        if (value.startsWith("fake:")) {
            int count = Integer.parseInt(value.substring(5));
            return java.util.stream.IntStream.range(0, count).mapToObj(Integer::toString).toList();
        }
        return Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether the slots stand for real GPUs (so CUDA_VISIBLE_DEVICES is set for runs). */
    public static boolean isReal(String setting) {
        return setting != null && !setting.isBlank() && !setting.trim().startsWith("fake:");
    }

    static List<String> nvidiaSmi() {
        try {
            Process process = new ProcessBuilder("nvidia-smi", "--query-gpu=index", "--format=csv,noheader")
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return List.of();
            }
            return out.lines().map(String::trim).filter(l -> l.matches("\\d+")).toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
