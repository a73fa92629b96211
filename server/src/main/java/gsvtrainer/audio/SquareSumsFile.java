package gsvtrainer.audio;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Block energies of a converted file as decoded, before it was rounded to 16 bits: written beside the
 * WAV by {@code convert_audio}, read by the slicer, so that its cuts are made on the samples upstream's
 * slicer sees (its {@code load_audio} keeps the float samples). The header names the WAV's size and
 * modification time; a file that does not match its WAV is ignored and the WAV's own samples are used.
 */
final class SquareSumsFile implements SquareSums, AutoCloseable {

    /** 0.5 ms at 32 kHz: divides every hop and frame the slicer's millisecond parameters give. */
    static final int BLOCK_LENGTH = 16;

    private static final byte[] MAGIC = "GSVSQS01".getBytes(US_ASCII);
    private static final int HEADER_BYTES = 48;

    private final FileChannel channel;
    private final long samples;
    private final long blocks;

    private SquareSumsFile(FileChannel channel, long samples) {
        this.channel = channel;
        this.samples = samples;
        this.blocks = (samples + BLOCK_LENGTH - 1) / BLOCK_LENGTH;
    }

    /**
     * Where the block energies of {@code wav} are kept: the hidden {@code .<name>.sqs} in its folder,
     * which file listings and downloads leave out.
     */
    static Path beside(Path wav) {
        return wav.resolveSibling("." + wav.getFileName() + ".sqs");
    }

    /** The block energies written for {@code wav}, if a file of them exists and matches it. */
    static Optional<SquareSumsFile> open(Path file, Path wav, long samples, int sampleRate) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(header, 0);
            SquareSumsFile sums = new SquareSumsFile(channel, samples);
            boolean matches = header.position() == HEADER_BYTES
                    && Arrays.equals(Arrays.copyOf(header.array(), MAGIC.length), MAGIC)
                    && header.getInt(8) == sampleRate && header.getInt(12) == BLOCK_LENGTH
                    && header.getLong(16) == samples && header.getLong(24) == Files.size(wav)
                    && header.getLong(32) == modified(wav)
                    && channel.size() == HEADER_BYTES + sums.blocks * Double.BYTES;
            if (matches) {
                return Optional.of(sums);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return Optional.empty();
    }

    @Override
    public int blockLength() {
        return BLOCK_LENGTH;
    }

    @Override
    public long samples() {
        return samples;
    }

    @Override
    public double[] read(long first, int count) throws IOException {
        double[] sums = new double[count];
        long from = Math.max(0, first);
        long to = Math.min(blocks, first + count);
        if (to > from) {
            ByteBuffer bytes = ByteBuffer.allocate((int) (to - from) * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, HEADER_BYTES + from * Double.BYTES + bytes.position()) < 0) {
                    throw new IOException("block energies end early");
                }
            }
            bytes.flip().asDoubleBuffer().get(sums, (int) (from - first), (int) (to - from));
        }
        return sums;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static long modified(Path file) throws IOException {
        return Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
    }

    /** Sums squared float samples block by block into a file, streaming. */
    static final class Writer implements AutoCloseable {

        private final FileChannel channel;
        private final int sampleRate;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        private final DoubleBuffer doubles = buffer.asDoubleBuffer();
        private double sum;
        private int inBlock;
        private long samples;

        Writer(Path file, int sampleRate) throws IOException {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            this.sampleRate = sampleRate;
            channel.position(HEADER_BYTES);
        }

        /** Adds the first {@code length} samples. */
        void write(float[] samples, int length) throws IOException {
            for (int i = 0; i < length; ) {
                int count = Math.min(length - i, BLOCK_LENGTH - inBlock);
                for (int end = i + count; i < end; i++) {
                    double x = samples[i];
                    sum += x * x;
                }
                inBlock += count;
                if (inBlock == BLOCK_LENGTH) {
                    put();
                }
            }
            this.samples += length;
        }

        /** Ends the file, naming the finished {@code wav} it belongs to. */
        void finish(Path wav) throws IOException {
            if (inBlock > 0) {
                put();
            }
            flush();
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            header.put(MAGIC).putInt(sampleRate).putInt(BLOCK_LENGTH).putLong(samples)
                    .putLong(Files.size(wav)).putLong(modified(wav)).putLong(0);
            channel.write(header.flip(), 0);
        }

        private void put() throws IOException {
            if (!doubles.hasRemaining()) {
                flush();
            }
            doubles.put(sum);
            sum = 0;
            inBlock = 0;
        }

        private void flush() throws IOException {
            buffer.position(0).limit(doubles.position() * Double.BYTES);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
            doubles.clear();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
