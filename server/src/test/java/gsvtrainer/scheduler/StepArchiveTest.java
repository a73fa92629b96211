package gsvtrainer.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The class archive of run processes: used only once it exists, made and checked by real JVMs, and
 * never put in place when it does not load (a truncated archive crashes the JVM that maps it).
 */
class StepArchiveTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void runProcessesStartWithoutAnArchiveUntilItIsMade() throws Exception {
        StepArchive archive = StepArchive.of(unpacked(), "-XX:+UseSerialGC");

        assertThat(archive.isMissing()).isTrue();
        assertThat(archive.options()).isEmpty();
    }

    @Test
    void aClassPathWithFoldersHasNoArchive() throws Exception {
        RunClassPath folders = RunClassPath.of(Files.createDirectories(dir.resolve("classes")).toString(), dir);
        StepArchive archive = StepArchive.of(folders, "");

        assertThat(archive.isMissing()).isFalse();
        assertThat(archive.options()).isEmpty();
        assertThat(archive.make(options -> List.of("true"))).isFalse();
    }

    @Test
    void anArchiveIsMadeByOneJvmCheckedByAnotherAndThenUsed() throws Exception {
        RunClassPath classPath = unpacked();
        StepArchive archive = StepArchive.of(classPath, "-XX:+UseSerialGC");

        boolean made = archive.make(options -> java(options, jarOf(CommandLine.class)));

        assertThat(made).isTrue();
        Path file = archive.file().orElseThrow();
        assertThat(file).isRegularFile();
        assertThat(archive.options()).contains("-XX:SharedArchiveFile=" + file);
        try (var siblings = Files.list(file.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
        }
    }

    @Test
    void anArchiveThatDoesNotLoadIsNeverPutInPlace() throws Exception {
        StepArchive archive = StepArchive.of(unpacked(), "-XX:+UseSerialGC");
        Function<List<String>, List<String>> truncatedDump = options -> options.get(0).startsWith("-XX:ArchiveClassesAtExit=")
                ? List.of("sh", "-c", "head -c 4096 /dev/urandom > '" + options.get(0).split("=", 2)[1] + "'")
                : java(options, jarOf(CommandLine.class));

        assertThat(archive.make(truncatedDump)).isFalse();

        assertThat(archive.file().orElseThrow()).doesNotExist();
        assertThat(archive.options()).isEmpty();
    }

    @Test
    void otherRunOptionsGetAnotherArchive() throws Exception {
        RunClassPath classPath = unpacked();

        assertThat(StepArchive.of(classPath, "-XX:+UseSerialGC").file())
                .isNotEqualTo(StepArchive.of(classPath, "-XX:+UseParallelGC").file());
    }

    private RunClassPath unpacked() throws Exception {
        return RunClassPath.of(RunClassPathTest.executableJar(dir.resolve("app.jar")).toString(), dir.resolve("cache"));
    }

    private static List<String> java(List<String> options, String classPath) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-XX:+UseSerialGC"));
        command.addAll(options);
        command.addAll(List.of("-cp", classPath, "-version"));
        return command;
    }

    private static String jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
