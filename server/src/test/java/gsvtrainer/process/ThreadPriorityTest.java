package gsvtrainer.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ThreadPriorityTest {

    @Test
    void readsTheEffectiveCapabilitiesFromProcStatus() {
        String root = "Name:\tjava\nCapInh:\t0000000000000000\nCapEff:\t000001fffeffffff\nCapBnd:\t000001ffffffffff\n";
        String user = "Name:\tjava\nCapEff:\t0000000000000000\n";

        assertThat(ThreadPriority.effectiveCapabilities(root).testBit(23)).isTrue();
        assertThat(ThreadPriority.effectiveCapabilities(user).testBit(23)).isFalse();
        assertThat(ThreadPriority.effectiveCapabilities("Name:\tjava\n")).isEqualTo(BigInteger.ZERO);
    }

    @Test
    void tellsTheCallingThreadsNicenessAndKeepsItWhenSetToItself() {
        if (!Files.isReadable(Path.of("/proc/thread-self/stat"))) {
            assertThat(ThreadPriority.ofCurrentThread()).isEmpty();
            return;
        }
        int nice = ThreadPriority.ofCurrentThread().orElseThrow();

        assertThat(nice).isBetween(-20, 19);
        assertThat(ThreadPriority.setAllThreads(nice)).isTrue();
        assertThat(ThreadPriority.ofCurrentThread()).contains(nice);
    }
}
