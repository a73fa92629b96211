package gsvtrainer.audio;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams 16-bit PCM into a WAV file: the header is written with placeholder sizes and patched on
 * {@link #close()}, so memory stays constant whatever the length.
 */
public final class WavWriter implements AutoCloseable {

    static final int HEADER_BYTES = 44;
    private static final int BUFFER_BYTES = 1 << 18;

    private final FileChannel channel;
    private final int sampleRate;
    private final int channels;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final ShortBuffer shorts = buffer.asShortBuffer();
    private final short[] chunk = new short[BUFFER_BYTES / 2];
    private long samplesWritten;

    public WavWriter(Path file, int sampleRate, int channels) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.sampleRate = sampleRate;
        this.channels = channels;
        channel.write(header(sampleRate, channels, 0));
    }

    public void write(short[] samples, int offset, int length) throws IOException {
        for (int done = 0; done < length; ) {
            int count = Math.min(length - done, chunk.length);
            System.arraycopy(samples, offset + done, chunk, 0, count);
            put(count);
            done += count;
        }
    }

    /** Writes floats in [-1, 1] as 16-bit, clamping and truncating towards zero as numpy's astype does. */
    public void write(float[] samples, int offset, int length) throws IOException {
        for (int done = 0; done < length; ) {
            int count = Math.min(length - done, chunk.length);
            for (int i = 0; i < count; i++) {
                float clamped = Math.max(-1f, Math.min(1f, samples[offset + done + i]));
                chunk[i] = (short) (clamped * 32767f);
            }
            put(count);
            done += count;
        }
    }

    /**
     * Writes the first {@code length} floats as 16-bit, rounded to the nearest step of 1/32767 (halves
     * up, as {@link Math#round(float)}: the float scaled, plus a half, is exact in double) and clipped.
     */
    public void writeRounded(float[] samples, int length) throws IOException {
        for (int done = 0; done < length; ) {
            int count = Math.min(length - done, chunk.length);
            for (int i = 0; i < count; i++) {
                int rounded = (int) Math.floor(samples[done + i] * 32767f + 0.5);
                chunk[i] = (short) Math.max(-32768, Math.min(32767, rounded));
            }
            put(count);
            done += count;
        }
    }

    /** Writes a whole mono clip: the first {@code length} samples of {@code pcm}, in one write. */
    static void writeMono(Path file, short[] pcm, int length, int sampleRate) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(HEADER_BYTES + 2 * length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(header(sampleRate, 1, 2L * length));
        bytes.asShortBuffer().put(pcm, 0, length);
        bytes.clear();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
    }

    /** Samples written so far, all channels counted. */
    public long samplesWritten() {
        return samplesWritten;
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            flush();
            channel.write(header(sampleRate, channels, samplesWritten * 2), 0);
        }
    }

    /** Moves the first {@code count} samples of {@code chunk} into the buffer, writing it out when full. */
    private void put(int count) throws IOException {
        for (int done = 0; done < count; ) {
            if (!shorts.hasRemaining()) {
                flush();
            }
            int n = Math.min(count - done, shorts.remaining());
            shorts.put(chunk, done, n);
            done += n;
        }
        samplesWritten += count;
    }

    private void flush() throws IOException {
        buffer.position(0).limit(shorts.position() * 2);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
        shorts.clear();
    }

    private static ByteBuffer header(int sampleRate, int channels, long dataBytes) {
        if (dataBytes > 0xFFFFFFFFL - HEADER_BYTES) {
            throw new IllegalStateException("WAV data over 4 GiB");
        }
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(US_ASCII)).putInt((int) (36 + dataBytes));
        h.put("WAVEfmt ".getBytes(US_ASCII)).putInt(16);
        h.putShort((short) 1).putShort((short) channels).putInt(sampleRate).putInt(sampleRate * channels * 2);
        h.putShort((short) (channels * 2)).putShort((short) 16);
        h.put("data".getBytes(US_ASCII)).putInt((int) dataBytes);
        return h.flip();
    }
}
