package gsvtrainer.scheduler;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * The command line that starts {@code gsv-trainer step-exec} in a new JVM with this JVM's classes.
 * When the service runs from its executable jar, the jar is unpacked once into the data dir and run
 * processes use the plain class path: a nested-jar launcher costs about half a second per start.
 */
final class JavaCommand {

    private final String classPath;

    JavaCommand(Path appCacheDir) {
        this.classPath = stepClassPath(System.getProperty("java.class.path"), appCacheDir);
    }

    List<String> stepExec(String jvmOptions, Path runDir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Arrays.stream(jvmOptions.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(command::add);
        command.addAll(List.of("-cp", classPath, "gsvtrainer.Main", "step-exec", runDir.toString()));
        return command;
    }

    static String stepClassPath(String classPath, Path appCacheDir) {
        String absolute = Arrays.stream(classPath.split(File.pathSeparator)).filter(s -> !s.isEmpty())
                .map(s -> Path.of(s).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        if (absolute.contains(File.pathSeparator) || !absolute.endsWith(".jar")) {
            return absolute;
        }
        Path jar = Path.of(absolute);
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getEntry("BOOT-INF/") == null) {
                return absolute;
            }
            Path target = appCacheDir.resolve(Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis());
            if (!Files.isDirectory(target)) {
                unpack(file, target);
            }
            return target.resolve("BOOT-INF/classes") + File.pathSeparator + target.resolve("BOOT-INF/lib") + "/*";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + jar + " for run processes", e);
        }
    }

    /** Unpacks the jar's classes and libraries next to {@code target}, then moves them into place. */
    private static void unpack(JarFile jar, Path target) throws IOException {
        Path tmp = Files.createDirectories(target.getParent()).resolve(target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            if (!entry.getName().startsWith("BOOT-INF/") || entry.isDirectory()) {
                continue;
            }
            Path out = tmp.resolve(entry.getName()).normalize();
            if (!out.startsWith(tmp)) {
                continue;
            }
            Files.createDirectories(out.getParent());
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(target)) {
                throw e;
            }
        }
    }
}
