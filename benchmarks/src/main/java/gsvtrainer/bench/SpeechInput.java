package gsvtrainer.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Long speech inputs for the audio benchmark, made from the committed English sentence fixtures:
 * a 2-minute 16 kHz "unit" of sentences in a fixed pseudo-random order with pauses of 0.15–3 s and
 * a -60 dBFS noise floor (a real room is never digitally silent), looped and encoded to a
 * 44.1 kHz stereo 128 kb/s mp3 by the system {@code ffmpeg} CLI.
 */
final class SpeechInput {

    static final Path FIXTURES = Path.of("server/src/test/resources/fixtures/audio");
    static final List<String> SENTENCES = List.of("en_1", "en_2", "en_3", "en_4");
    private static final double[] PAUSES = {0.15, 0.45, 0.9, 0.25, 1.6, 0.6, 3.0, 0.35, 1.1};
    private static final int RATE = 16000;
    private static final double UNIT_SECONDS = 120;

    private final Path unit;

    private SpeechInput(Path unit) {
        this.unit = unit;
    }

    /** Writes the unit WAV into {@code work}. */
    static SpeechInput in(Path work) throws Exception {
        List<short[]> sentences = new ArrayList<>();
        for (String name : SENTENCES) {
            sentences.add(read(FIXTURES.resolve(name + ".wav")));
        }
        Random random = new Random(3);
        short[] samples = new short[(int) ((UNIT_SECONDS + 10) * RATE)];
        int length = 0;
        while (length < UNIT_SECONDS * RATE) {
            short[] sentence = sentences.get(random.nextInt(sentences.size()));
            System.arraycopy(sentence, 0, samples, length, sentence.length);
            length += sentence.length + (int) (PAUSES[random.nextInt(PAUSES.length)] * RATE);
        }
        ByteBuffer pcm = ByteBuffer.allocate(length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < length; i++) {
            double noise = random.nextGaussian() * 32768 * 0.001;
            pcm.putShort((short) Math.max(-32768, Math.min(32767, Math.round(samples[i] + noise))));
        }
        Path file = work.resolve("speech-unit.wav");
        Files.write(file, Wavs.header(length, RATE, 1));
        Files.write(file, pcm.array(), java.nio.file.StandardOpenOption.APPEND);
        return new SpeechInput(file);
    }

    /** The unit looped to {@code seconds} as a 44.1 kHz stereo mp3. */
    Path mp3(Path file, double seconds) throws Exception {
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-stream_loop", "-1", "-i", unit.toString(), "-t", Double.toString(seconds), "-ar", "44100", "-ac", "2",
                "-c:a", "libmp3lame", "-b:a", "128k", file.toString()).inheritIO().start();
        if (ffmpeg.waitFor() != 0) {
            throw new IOException("ffmpeg could not build " + file + " (exit " + ffmpeg.exitValue() + ")");
        }
        return file;
    }

    private static short[] read(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            if (in.getFormat().getSampleRate() != RATE || in.getFormat().getChannels() != 1
                    || in.getFormat().getSampleSizeInBits() != 16) {
                throw new IOException(wav + " is not 16 kHz mono 16-bit");
            }
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            short[] samples = new short[bytes.remaining() / 2];
            bytes.asShortBuffer().get(samples);
            return samples;
        }
    }
}
