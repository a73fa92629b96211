package gsvtrainer.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class path of run processes, unpacked from an executable jar into plain jars a class archive accepts. */
class RunClassPathTest {

    @TempDir
    Path dir;

    @Test
    void unpacksTheClassesIntoAJarAndListsTheLibrariesInTheJarsOrder() throws Exception {
        Path jar = executableJar(dir.resolve("app.jar"));

        RunClassPath classPath = RunClassPath.of(jar.toString(), dir.resolve("cache"));

        Path folder = classPath.folder();
        assertThat(classPath.entries()).containsExactly(folder.resolve("classes.jar"), folder.resolve("lib/zeta.jar"),
                folder.resolve("lib/alpha.jar"));
        assertThat(classPath.archivable()).isTrue();
        assertThat(classPath.argument()).doesNotContain("*").contains(File.pathSeparator);
        try (JarFile classes = new JarFile(folder.resolve("classes.jar").toFile())) {
            assertThat(classes.getEntry("app/Main.class")).isNotNull();
            assertThat(classes.getEntry("META-INF/services/app.Step")).isNotNull();
            assertThat(classes.getEntry("BOOT-INF/classes/app/Main.class")).isNull();
        }
    }

    @Test
    void unpacksOnceForAJar() throws Exception {
        Path jar = executableJar(dir.resolve("app.jar"));
        RunClassPath first = RunClassPath.of(jar.toString(), dir.resolve("cache"));
        FileTime unpacked = Files.getLastModifiedTime(first.folder().resolve("classes.jar"));

        RunClassPath second = RunClassPath.of(jar.toString(), dir.resolve("cache"));

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second.folder().resolve("classes.jar"))).isEqualTo(unpacked);
    }

    @Test
    void aClassPathOfFoldersIsUsedAsItIsAndCannotBeArchived() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path lib = Files.writeString(dir.resolve("lib.jar"), "");

        RunClassPath classPath = RunClassPath.of(classes + File.pathSeparator + lib, dir.resolve("cache"));

        assertThat(classPath.entries()).containsExactly(classes, lib);
        assertThat(classPath.folder()).isNull();
        assertThat(classPath.archivable()).isFalse();
        assertThat(dir.resolve("cache")).doesNotExist();
    }

    /** A jar laid out as Spring Boot's: classes and nested libraries under BOOT-INF, and their order. */
    static Path executableJar(Path file) throws IOException {
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file))) {
            put(jar, "BOOT-INF/", null);
            put(jar, "BOOT-INF/classes/app/Main.class", new byte[] {(byte) 0xCA, (byte) 0xFE});
            put(jar, "BOOT-INF/classes/META-INF/services/app.Step", "app.Main\n".getBytes(StandardCharsets.UTF_8));
            put(jar, "BOOT-INF/lib/alpha.jar", emptyJar());
            put(jar, "BOOT-INF/lib/zeta.jar", emptyJar());
            put(jar, "BOOT-INF/classpath.idx",
                    "- \"BOOT-INF/lib/zeta.jar\"\n- \"BOOT-INF/lib/alpha.jar\"\n".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        if (bytes != null) {
            jar.write(bytes);
        }
        jar.closeEntry();
    }

    private static byte[] emptyJar() throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new JarOutputStream(bytes)) {
            out.flush();
        }
        return bytes.toByteArray();
    }
}
