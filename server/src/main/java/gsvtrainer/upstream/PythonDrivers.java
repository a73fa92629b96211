package gsvtrainer.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Our Python drivers, run by upstream's interpreter: resources under {@code python/}, copied out to run. */
public final class PythonDrivers {

    private PythonDrivers() {
    }

    /** Copies the driver {@code python/<file>} of this build into {@code dir}; returns the copy. */
    public static Path extract(String file, Path dir) throws IOException {
        Path target = Files.createDirectories(dir).resolve(file);
        try (InputStream in = PythonDrivers.class.getClassLoader().getResourceAsStream("python/" + file)) {
            if (in == null) {
                throw new IOException("the driver python/" + file + " is missing from this build");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
