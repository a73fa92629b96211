package gsvtrainer.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes 16-bit PCM WAV files of a given length: speech-like bursts (tones) separated by pauses. */
final class Wavs {

    private Wavs() {
    }

    static Path write(Path file, double seconds, int rate, int channels) throws IOException {
        long frames = (long) (seconds * rate);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(header(frames, rate, channels));
            byte[] block = new byte[rate * channels * 2];
            ByteBuffer buffer = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
            for (long second = 0; second * rate < frames; second++) {
                buffer.clear();
                boolean speaking = second % 5 != 4;
                for (int i = 0; i < rate; i++) {
                    double t = (second * rate + i) / (double) rate;
                    short value = (short) (speaking ? 6000 * Math.sin(2 * Math.PI * (180 + 40 * Math.sin(t)) * t) : 0);
                    for (int c = 0; c < channels; c++) {
                        buffer.putShort(value);
                    }
                }
                long left = (frames - second * rate) * channels * 2;
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return file;
    }

    /** The 44-byte header of a 16-bit PCM WAV of {@code frames} frames. */
    static byte[] header(long frames, int rate, int channels) {
        long dataBytes = frames * channels * 2;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt((int) Math.min(0xFFFFFFFFL, 36 + dataBytes)).put("WAVE".getBytes());
        header.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        header.put("data".getBytes()).putInt((int) Math.min(0xFFFFFFFFL, dataBytes));
        return header.array();
    }
}
