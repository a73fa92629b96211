package gsvtrainer.scheduler;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

/**
 * The class path of run processes. When the service runs from its executable jar, the jar is unpacked
 * once under the data dir: its classes packed as a plain jar of their own, its libraries copied, all
 * listed one by one in the jar's own order. A nested-jar launcher costs about half a second per
 * start, and a class archive ({@link StepArchive}) accepts plain jars only, no folders or wildcards.
 *
 * @param entries the class path, in order
 * @param folder  where the jar was unpacked; null when the service runs from plain classes (tests)
 */
record RunClassPath(List<Path> entries, Path folder) {

    static final String CLASSES_JAR = "classes.jar";
    static final String LIST_FILE = "class-path.txt";
    private static final String CLASSES = "BOOT-INF/classes/";
    private static final String LIB = "BOOT-INF/lib/";

    RunClassPath {
        entries = List.copyOf(entries);
    }

    /** The class path for {@code javaClassPath} (this JVM's), unpacking into {@code appCacheDir} if needed. */
    static RunClassPath of(String javaClassPath, Path appCacheDir) {
        List<Path> entries = Arrays.stream(javaClassPath.split(File.pathSeparator)).filter(s -> !s.isEmpty())
                .map(s -> Path.of(s).toAbsolutePath()).toList();
        if (entries.size() != 1 || !entries.get(0).toString().endsWith(".jar")) {
            return new RunClassPath(entries, null);
        }
        Path jar = entries.get(0);
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getEntry("BOOT-INF/") == null) {
                return new RunClassPath(entries, null);
            }
            Path target = appCacheDir.resolve("run-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis());
            if (!Files.isRegularFile(target.resolve(LIST_FILE))) {
                unpack(file, target);
            }
            List<Path> unpacked = Files.readAllLines(target.resolve(LIST_FILE)).stream().filter(s -> !s.isBlank())
                    .map(target::resolve).toList();
            return new RunClassPath(unpacked, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + jar + " for run processes", e);
        }
    }

    /** The {@code -cp} argument. */
    String argument() {
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** Whether a class archive can cover this class path: unpacked, and plain jar files only. */
    boolean archivable() {
        return folder != null && entries.stream().allMatch(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p));
    }

    /** Unpacks next to {@code target}, then moves the finished folder into place. */
    private static void unpack(JarFile jar, Path target) throws IOException {
        Path tmp = Files.createDirectories(target.getParent())
                .resolve(target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Files.createDirectories(tmp.resolve("lib"));
        List<String> libs = new ArrayList<>();
        try (JarOutputStream classes = new JarOutputStream(Files.newOutputStream(tmp.resolve(CLASSES_JAR)))) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(CLASSES) && name.length() > CLASSES.length()) {
                    classes.putNextEntry(new JarEntry(name.substring(CLASSES.length())));
                    copy(jar, entry, classes);
                    classes.closeEntry();
                } else if (name.startsWith(LIB) && !entry.isDirectory() && !name.substring(LIB.length()).contains("/")) {
                    String lib = "lib/" + name.substring(LIB.length());
                    try (OutputStream out = Files.newOutputStream(tmp.resolve(lib))) {
                        copy(jar, entry, out);
                    }
                    libs.add(lib);
                }
            }
        }
        List<String> list = new ArrayList<>(List.of(CLASSES_JAR));
        list.addAll(ordered(jar, libs));
        Files.write(tmp.resolve(LIST_FILE), list, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isRegularFile(target.resolve(LIST_FILE))) {
                throw e;
            }
        }
    }

    /** The libraries in the order of the jar's {@code BOOT-INF/classpath.idx}, others after them by name. */
    private static List<String> ordered(JarFile jar, List<String> libs) throws IOException {
        List<String> order = new ArrayList<>();
        JarEntry index = jar.getJarEntry("BOOT-INF/classpath.idx");
        if (index != null) {
            try (InputStream in = jar.getInputStream(index)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String name = line.replaceFirst("^- ", "").replace("\"", "").strip();
                    if (name.startsWith(LIB)) {
                        String lib = "lib/" + name.substring(LIB.length());
                        if (libs.contains(lib)) {
                            order.add(lib);
                        }
                    }
                }
            }
        }
        libs.stream().filter(l -> !order.contains(l)).sorted().forEach(order::add);
        return order;
    }

    private static void copy(JarFile jar, JarEntry entry, OutputStream out) throws IOException {
        if (entry.isDirectory()) {
            return;
        }
        try (InputStream in = jar.getInputStream(entry)) {
            in.transferTo(out);
        }
    }
}
