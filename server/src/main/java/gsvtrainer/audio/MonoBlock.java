package gsvtrainer.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Mono float samples decoded from a stretch of packets, end to end in one native buffer that is kept
 * from stretch to stretch, so decoding a file allocates a few of these instead of a frame per packet.
 * The samples come in runs of one sample rate each (a stream may change its rate).
 */
final class MonoBlock implements AutoCloseable {

    private BytePointer data;
    private ByteBuffer bytes;
    private int capacity;
    private int count;
    private int[] runEnds = new int[2];
    private int[] runRates = new int[2];
    private int runs;

    /** Forgets the samples, keeping the buffer. */
    void clear() {
        count = 0;
        runs = 0;
    }

    int count() {
        return count;
    }

    /** How many runs of one rate the samples make. */
    int runs() {
        return runs;
    }

    int runRate(int run) {
        return runRates[run];
    }

    int runStart(int run) {
        return run == 0 ? 0 : runEnds[run - 1];
    }

    int runEnd(int run) {
        return runEnds[run];
    }

    /** Where the next {@code samples} samples are to be written: room is made for them. */
    Pointer end(int samples) {
        reserve(samples);
        return data.getPointer((long) count * Float.BYTES);
    }

    /** Samples from {@code first} on, for FFmpeg to read. */
    Pointer at(int first) {
        return data.getPointer((long) first * Float.BYTES);
    }

    /** Counts {@code samples} more, written at {@link #end} at {@code rate}. */
    void added(int samples, int rate) {
        if (samples > capacity - count) {
            throw new IllegalStateException(samples + " samples added with room for " + (capacity - count));
        }
        if (runs > 0 && runRates[runs - 1] == rate) {
            runEnds[runs - 1] += samples;
        } else {
            if (runs == runEnds.length) {
                runEnds = Arrays.copyOf(runEnds, 2 * runs);
                runRates = Arrays.copyOf(runRates, 2 * runs);
            }
            runEnds[runs] = count + samples;
            runRates[runs++] = rate;
        }
        count += samples;
    }

    /** Appends {@code samples} mono float samples at {@code rate} read from {@code source}. */
    void append(Pointer source, int samples, int rate) {
        Pointer.memcpy(end(samples), source, (long) samples * Float.BYTES);
        added(samples, rate);
    }

    /** Appends this block's samples from {@code first} to its end to {@code other}, with their rates. */
    void copyTail(int first, MonoBlock other) {
        for (int run = 0; run < runs; run++) {
            int start = Math.max(first, runStart(run));
            if (start < runEnd(run)) {
                other.append(at(start), runEnd(run) - start, runRates[run]);
            }
        }
    }

    /** The samples from {@code first} to {@code end}, valid until the block changes. */
    FloatBuffer samples(int first, int end) {
        return bytes().limit(end * Float.BYTES).position(first * Float.BYTES).slice().order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    /** Whether both blocks hold bit-identical samples in runs of the same rates. */
    boolean sameAs(MonoBlock other) {
        if (count != other.count || runs != other.runs
                || !Arrays.equals(runEnds, 0, runs, other.runEnds, 0, runs)
                || !Arrays.equals(runRates, 0, runs, other.runRates, 0, runs)) {
            return false;
        }
        return count == 0 || bytes().limit(count * Float.BYTES).equals(other.bytes().limit(count * Float.BYTES));
    }

    private ByteBuffer bytes() {
        return bytes.clear();
    }

    private void reserve(int samples) {
        if (samples <= capacity - count) {
            return;
        }
        int grown = Math.max(Math.addExact(count, samples), Math.max(4096, 2 * capacity));
        BytePointer larger = new BytePointer((long) grown * Float.BYTES);
        if (data != null) {
            Pointer.memcpy(larger, data, (long) count * Float.BYTES);
            data.close();
        }
        data = larger;
        bytes = data.capacity((long) grown * Float.BYTES).asByteBuffer();
        capacity = grown;
    }

    @Override
    public void close() {
        if (data != null) {
            data.close();
            data = null;
            bytes = null;
            capacity = 0;
            count = 0;
            runs = 0;
        }
    }
}
