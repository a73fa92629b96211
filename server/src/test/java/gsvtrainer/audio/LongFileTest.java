package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ten-minute 44.1 kHz stereo recording, built from the fixtures, streams through convert and slice. */
class LongFileTest {

    private static final int RATE = 44100;
    private static final double MINUTES = 10;

    @TempDir
    Path dir;

    @Test
    void convertsAndSlicesATenMinuteFileWithoutHoldingIt() throws Exception {
        Path source = dir.resolve("long.wav");
        long frames = writeStereoSpeech(source);
        double seconds = (double) frames / RATE;

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        ConversionResult result = new AudioConverter(32000).convert(source, dir.resolve("long32k.wav"));
        double convertSeconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();

        start = System.nanoTime();
        List<ClipSpan> clips;
        try (WavReader converted = new WavReader(result.output())) {
            clips = new Slicer(SliceAudioParams.defaults(), 32000).slice(converted);
        }
        double sliceSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        AudioInfo probed = AudioProbe.probe(source);
        double probeSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%.0f s of 44.1 kHz stereo: converted in %.2f s (%.0fx real time), heap peak +%d KB; "
                + "slice decisions in %.2f s (%.0fx), %d clips; probe %.1f ms%n", seconds, convertSeconds,
                seconds / convertSeconds, (peak.get() - before) >> 10, sliceSeconds, seconds / sliceSeconds,
                clips.size(), probeSeconds * 1000);

        assertThat(seconds).isGreaterThanOrEqualTo(MINUTES * 60);
        assertThat(result.outputSeconds()).isCloseTo(seconds, within(0.020));
        assertThat(peak.get() - before).isLessThan(128L << 20);
        assertThat(probed.durationSeconds()).isCloseTo(seconds, within(0.001));
        assertThat(probeSeconds).as("probe reads the header, not the samples").isLessThan(0.5);
        assertThat(clips).hasSizeGreaterThan(100)
                .allSatisfy(clip -> assertThat(clip.length()).isLessThanOrEqualTo(25L * 32000));
    }

    /** The English fixtures (played at 44.1 kHz) on both channels with half-second pauses. */
    private static long writeStereoSpeech(Path file) throws Exception {
        float[][] sentences = {Fixtures.wav("en_1.wav").samples(), Fixtures.wav("en_2.wav").samples(),
                Fixtures.wav("en_3.wav").samples()};
        short[] pause = new short[RATE];
        try (WavWriter out = new WavWriter(file, RATE, 2)) {
            for (int i = 0; out.samplesWritten() / 2 < MINUTES * 60 * RATE; i++) {
                float[] sentence = sentences[i % 3];
                short[] stereo = new short[sentence.length * 2];
                for (int s = 0; s < sentence.length; s++) {
                    stereo[2 * s] = (short) (sentence[s] * 32767);
                    stereo[2 * s + 1] = (short) (sentence[s] * 0.8f * 32767);
                }
                out.write(stereo, 0, stereo.length);
                out.write(pause, 0, pause.length);
            }
            return out.samplesWritten() / 2;
        }
    }
}
