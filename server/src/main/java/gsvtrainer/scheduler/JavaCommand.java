package gsvtrainer.scheduler;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;

/** The command line that starts {@code gsv-trainer step-exec} in a new JVM with this JVM's class path. */
final class JavaCommand {

    private JavaCommand() {
    }

    static List<String> stepExec(String jvmOptions, Path runDir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Arrays.stream(jvmOptions.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(command::add);
        String classPath = absolute(System.getProperty("java.class.path"));
        if (isBootJar(classPath)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, "gsvtrainer.Main"));
        }
        command.addAll(List.of("step-exec", runDir.toString()));
        return command;
    }

    /** The class path with every entry made absolute: runs start in their task's folder. */
    static String absolute(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator)).filter(s -> !s.isEmpty())
                .map(s -> Path.of(s).toAbsolutePath().toString()).collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }

    private static boolean isBootJar(String classPath) {
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getEntry("BOOT-INF/") != null;
        } catch (Exception e) {
            return false;
        }
    }
}
