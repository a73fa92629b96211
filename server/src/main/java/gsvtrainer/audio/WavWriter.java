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
    private static final int BUFFER_BYTES = 1 << 16;

    private final FileChannel channel;
    private final int sampleRate;
    private final int channels;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long samplesWritten;

    public WavWriter(Path file, int sampleRate, int channels) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.sampleRate = sampleRate;
        this.channels = channels;
        channel.write(header(0));
    }

    /** Writes interleaved samples from the buffer's position to its limit. */
    public void write(ShortBuffer samples) throws IOException {
        while (samples.hasRemaining()) {
            if (buffer.remaining() < 2) {
                flush();
            }
            int count = Math.min(samples.remaining(), buffer.remaining() / 2);
            ShortBuffer chunk = samples.slice();
            chunk.limit(count);
            buffer.asShortBuffer().put(chunk);
            buffer.position(buffer.position() + count * 2);
            samples.position(samples.position() + count);
            samplesWritten += count;
        }
    }

    public void write(short[] samples, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            putShort(samples[i]);
        }
    }

    /** Writes floats in [-1, 1] as 16-bit, clamping and truncating towards zero as numpy's astype does. */
    public void write(float[] samples, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            float clamped = Math.max(-1f, Math.min(1f, samples[i]));
            putShort((short) (clamped * 32767f));
        }
    }

    /** Samples written so far, all channels counted. */
    public long samplesWritten() {
        return samplesWritten;
    }

    /** Drops everything written after the first {@code samples} samples (all channels counted). */
    public void truncate(long samples) throws IOException {
        flush();
        if (samples < samplesWritten) {
            channel.truncate(HEADER_BYTES + samples * 2);
            channel.position(HEADER_BYTES + samples * 2);
            samplesWritten = samples;
        }
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            flush();
            channel.write(header(samplesWritten * 2), 0);
        }
    }

    private void putShort(short value) throws IOException {
        if (!buffer.hasRemaining()) {
            flush();
        }
        buffer.putShort(value);
        samplesWritten++;
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    private ByteBuffer header(long dataBytes) {
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
