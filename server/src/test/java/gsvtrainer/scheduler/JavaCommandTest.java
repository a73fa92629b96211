package gsvtrainer.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.process.ThreadPriority;
import gsvtrainer.steprun.exec.StepExecMain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class JavaCommandTest {

    private final RunClassPath classPath = RunClassPath.of("/app/a.jar:/app/b.jar", Path.of("/tmp/unused"));

    private JavaCommand command(int nice, boolean idleStandby) {
        return new JavaCommand(nice, idleStandby, "-XX:+UseSerialGC", classPath, StepArchive.of(classPath, ""));
    }

    @Test
    void runsStepsAtTheRunNiceness() {
        List<String> exec = command(10, true).stepExec(Path.of("/data/runs/r_1"));

        assertThat(afterSessionGroup(exec).subList(0, 3)).containsExactly("nice", "-n", "10");
        assertThat(exec.subList(exec.size() - 3, exec.size()))
                .containsExactly(StepExecMain.class.getName(), "step-exec", "/data/runs/r_1");
    }

    @Test
    void startsAStandbyAtTheLowestPriorityWithTheRunsNicenessToTakeWhereItMay() {
        List<String> standby = command(10, true).standby(Path.of("/data/standby/s_1"));

        assertThat(afterSessionGroup(standby).subList(0, 3)).containsExactly("nice", "-n", "19");
        assertThat(standby.get(standby.size() - 1)).isEqualTo("10");
        assertThat(standby.get(standby.size() - 4)).isEqualTo("/data/standby/s_1");
    }

    @Test
    void startsAStandbyAtTheRunNicenessWhereItCouldNotRaiseItLater() {
        List<String> standby = command(10, false).standby(Path.of("/data/standby/s_1"));
        List<String> atLowest = command(19, true).standby(Path.of("/data/standby/s_1"));
        List<String> unniced = command(0, false).standby(Path.of("/data/standby/s_1"));

        assertThat(afterSessionGroup(standby).subList(0, 3)).containsExactly("nice", "-n", "10");
        assertThat(standby.get(standby.size() - 3)).isEqualTo("/data/standby/s_1");
        assertThat(afterSessionGroup(atLowest).subList(0, 3)).containsExactly("nice", "-n", "19");
        assertThat(atLowest.get(atLowest.size() - 3)).isEqualTo("/data/standby/s_1");
        assertThat(unniced.get(0)).endsWith("java");
    }

    @Test
    void whereTheKernelGroupsBySessionTheSessionGroupTakesTheNicenessBeforeTheJvmStarts() throws Exception {
        Assumptions.assumeTrue(ThreadPriority.groupsBySession(), "the kernel shares the CPU by session here");
        List<String> standby = command(10, true).standby(Path.of("/data/standby/s_1"));
        assertThat(standby.subList(0, 2)).containsExactly("sh", "-c");

        // the same prefix, in a session of its own, before a command that reports its session group
        List<String> probe = new java.util.ArrayList<>(List.of("setsid"));
        probe.addAll(standby.subList(0, 4));
        probe.addAll(List.of("cat", "/proc/self/autogroup"));
        Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor()).isZero();
        assertThat(out).contains("nice 19");
        assertThat(java.nio.file.Files.readString(Path.of("/proc/self/autogroup"))).doesNotContain("nice 19");
    }

    @Test
    void theWarmUpRunsInTheServicesSessionAndLeavesItsGroupAlone() {
        assertThat(command(10, true).warmUp(List.of()).subList(0, 3)).containsExactly("nice", "-n", "10");
    }

    /** The command after the prefix that sets the session group's niceness, where there is one. */
    private static List<String> afterSessionGroup(List<String> command) {
        return command.get(0).equals("sh") ? command.subList(4, command.size()) : command;
    }
}
