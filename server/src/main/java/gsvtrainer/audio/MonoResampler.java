package gsvtrainer.audio;

import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * FFmpeg's resampler (swresample, default options) turning mono float samples, as {@link MonoDownmix}
 * made them, into mono float at a target rate: the filter of upstream's
 * {@code ffmpeg -ac 1 -ar RATE -f f32le}. One context runs over the whole stream and is drained at its
 * end, as the CLI's filter graph is, or where the input's rate changes.
 */
final class MonoResampler implements AutoCloseable {

    /** Receives converted samples; the buffer is only valid during the call. */
    interface Sink {
        void accept(FloatBuffer samples) throws IOException;
    }

    private final MonoSwr swr;
    private final PointerPointer<BytePointer> output = new PointerPointer<>(1);
    private final PointerPointer<BytePointer> input = new PointerPointer<>(1);
    private BytePointer buffer;
    private FloatBuffer view;
    private int capacity;

    MonoResampler(int rate) {
        this.swr = new MonoSwr(rate);
    }

    /** Hands the block's samples, as mono float at the target rate, to {@code sink}. */
    void convert(MonoBlock block, Sink sink) throws IOException {
        for (int run = 0; run < block.runs(); run++) {
            if (!swr.isOpenForMono(block.runRate(run))) {
                drain(sink);
                swr.openForMono(block.runRate(run));
            }
            input.put(0, block.at(block.runStart(run)));
            sink.accept(samples(run(input, block.runEnd(run) - block.runStart(run))));
        }
    }

    /** Hands over what the filter still holds: at the end of the stream, or when the input format changes. */
    void drain(Sink sink) throws IOException {
        if (swr.context() == null) {
            return;
        }
        for (int count = run(null, 0); count > 0; count = run(null, 0)) {
            sink.accept(samples(count));
        }
    }

    private int run(PointerPointer<?> input, int inputSamples) {
        SwrContext context = swr.context();
        int room = swr_get_out_samples(context, inputSamples);
        if (room > capacity) {
            if (buffer != null) {
                buffer.close();
            }
            capacity = Math.max(room, 2 * capacity);
            buffer = new BytePointer((long) capacity * Float.BYTES);
            view = buffer.asByteBuffer().order(ByteOrder.nativeOrder()).asFloatBuffer();
            output.put(0, buffer);
        }
        int count = swr_convert(context, output, capacity, input, inputSamples);
        if (count < 0) {
            throw new IllegalStateException("FFmpeg's resampler failed: " + count);
        }
        return count;
    }

    private FloatBuffer samples(int count) {
        return view.clear().limit(count);
    }

    @Override
    public void close() {
        swr.close();
        if (buffer != null) {
            buffer.close();
        }
        output.close();
        input.close();
    }
}
