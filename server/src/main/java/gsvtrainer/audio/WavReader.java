package gsvtrainer.audio;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Random-access reader of 16-bit PCM mono WAV files, the format this service writes. Reads any range
 * of samples without loading the rest, so long files are processed in blocks.
 */
public final class WavReader implements AutoCloseable {

    private final FileChannel channel;
    private final int sampleRate;
    private final long dataOffset;
    private final long samples;

    public WavReader(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ByteBuffer riff = bytes(0, 12);
            if (!"RIFF".equals(ascii(riff, 0)) || !"WAVE".equals(ascii(riff, 8))) {
                throw new IOException(file.getFileName() + " is not a WAV file");
            }
            long pos = 12;
            int rate = 0;
            while (true) {
                ByteBuffer chunk = bytes(pos, 8);
                String id = ascii(chunk, 0);
                long size = Integer.toUnsignedLong(chunk.getInt(4));
                if (id.equals("fmt ")) {
                    ByteBuffer fmt = bytes(pos + 8, 16);
                    if (fmt.getShort(0) != 1 || fmt.getShort(2) != 1 || fmt.getShort(14) != 16) {
                        throw new IOException(file.getFileName() + " is not 16-bit PCM mono");
                    }
                    rate = fmt.getInt(4);
                } else if (id.equals("data")) {
                    if (rate == 0) {
                        throw new IOException(file.getFileName() + " has no fmt chunk before its data");
                    }
                    this.sampleRate = rate;
                    this.dataOffset = pos + 8;
                    this.samples = Math.min(size, channel.size() - dataOffset) / 2;
                    return;
                }
                pos += 8 + size + (size & 1);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Reads a whole file into memory: for clips, not for long recordings. */
    public static MonoAudio readAll(Path file) throws IOException {
        try (WavReader reader = new WavReader(file)) {
            if (reader.samples() > Integer.MAX_VALUE) {
                throw new IOException(file.getFileName() + " is too long to read at once");
            }
            return new MonoAudio(reader.read(0, (int) reader.samples()), reader.sampleRate());
        }
    }

    public int sampleRate() { return sampleRate; }
    public long samples() { return samples; }
    public double seconds() { return (double) samples / sampleRate; }

    /**
     * Samples {@code [start, start + count)} as floats in [-1, 1); positions outside the file read as
     * zeros (the zero padding librosa-style framing expects).
     */
    public float[] read(long start, int count) throws IOException {
        short[] pcm = readPcm(start, count);
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = pcm[i] / 32768f;
        }
        return out;
    }

    /** Samples {@code [start, start + count)} as stored; positions outside the file read as zeros. */
    short[] readPcm(long start, int count) throws IOException {
        short[] out = new short[count];
        long from = Math.max(0, start);
        long to = Math.min(samples, start + count);
        if (to > from) {
            bytes(dataOffset + from * 2, (int) (to - from) * 2).asShortBuffer().get(out, (int) (from - start), (int) (to - from));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private ByteBuffer bytes(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("unexpected end of WAV file");
            }
        }
        return buffer.flip();
    }

    private static String ascii(ByteBuffer buffer, int offset) {
        byte[] bytes = new byte[4];
        buffer.get(offset, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
