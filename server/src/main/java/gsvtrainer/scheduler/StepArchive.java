package gsvtrainer.scheduler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A class-data sharing archive (AppCDS) of what run processes load, so that each one maps those
 * classes instead of reading, parsing and verifying them again. It lives next to the unpacked class
 * path, is made once by a warm-up run process that dumps its classes when it exits, and is moved into
 * place only after a second process proved it loads ({@code -Xshare:on}): a truncated archive would
 * crash the JVM. Until then, or when it cannot be made, run processes start without it. Its name
 * carries the JDK's version and the run options, so another JDK or other options get another archive.
 */
final class StepArchive {

    private static final long MAKE_TIMEOUT_SECONDS = 180;

    private final Path file;

    private StepArchive(Path file) {
        this.file = file;
    }

    /** The archive for this class path and these run JVM options; none when the class path cannot have one. */
    static StepArchive of(RunClassPath classPath, String jvmOptions) {
        if (!classPath.archivable()) {
            return new StepArchive(null);
        }
        String key = System.getProperty("java.vm.version") + "\n" + jvmOptions.strip();
        return new StepArchive(classPath.folder().resolve("step-" + hash(key) + ".jsa"));
    }

    Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The options that make a run process use the archive; none while it does not exist. */
    List<String> options() {
        if (file == null || !Files.isRegularFile(file)) {
            return List.of();
        }
        return List.of("-XX:SharedArchiveFile=" + file, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** Whether the archive should be made: possible, and not there yet. */
    boolean isMissing() {
        return file != null && !Files.isRegularFile(file);
    }

    /**
     * Makes the archive with the warm-up command {@code warmUp} (given the extra JVM options to use);
     * returns whether it is in place. Blocks for as long as two run processes take to start.
     */
    boolean make(Function<List<String>, List<String>> warmUp) throws IOException, InterruptedException {
        if (file == null) {
            return false;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Path log = file.resolveSibling(file.getFileName() + ".log");
        try {
            boolean made = succeeds(warmUp.apply(List.of("-XX:ArchiveClassesAtExit=" + tmp)), log)
                    && Files.isRegularFile(tmp)
                    && succeeds(warmUp.apply(List.of("-XX:SharedArchiveFile=" + tmp, "-Xshare:on")), log);
            if (!made) {
                return false;
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(log);
            return true;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean succeeds(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!process.waitFor(MAKE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
