package gsvtrainer.files;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.config.GsvSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspacesTest {

    @TempDir
    Path dataDir;

    private Workspaces workspaces() {
        return new Workspaces(new GsvSettings(dataDir, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null));
    }

    @Test
    void aDeletedWorkspaceLeavesItsPlaceInOneMoveAndIsThenPurged() throws Exception {
        Workspaces workspaces = workspaces();
        Path root = workspaces.of("t_a").root();
        Files.createDirectories(root.resolve("uploads"));
        Files.writeString(root.resolve("uploads/u.wav"), "x");

        Path detached = workspaces.detach("t_a").orElseThrow();

        assertThat(root).doesNotExist();
        assertThat(detached.resolve("uploads/u.wav")).exists();
        assertThat(detached.getFileName().toString()).startsWith(Workspaces.DETACHED + "t_a-");
        workspaces.purge(detached);
        assertThat(detached).doesNotExist();
        assertThat(workspaces.detach("t_a")).as("nothing left to move").isEmpty();
    }

    @Test
    void workspacesMovedAwayButNotPurgedGoAtTheNextStartAndLiveOnesStay() throws Exception {
        Workspaces workspaces = workspaces();
        Path left = dataDir.resolve("tasks").resolve(Workspaces.DETACHED + "t_b-1f");
        Files.createDirectories(left.resolve("sliced"));
        Files.writeString(left.resolve("sliced/c.wav"), "x");
        Path live = Files.createDirectories(workspaces.of("t_c").root().resolve("uploads"));

        workspaces.purgeLeftovers();

        assertThat(left).doesNotExist();
        assertThat(live).exists();
    }
}
