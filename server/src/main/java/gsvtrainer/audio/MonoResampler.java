package gsvtrainer.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_compare;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * FFmpeg's resampler (swresample, default options) turning decoded frames into mono float at a target
 * rate: the down-mix and filter of upstream's {@code ffmpeg -ac 1 -ar RATE -f f32le}, sample for sample
 * (given frames already mixed down by {@link MonoDownmix}, the filter alone).
 * One context runs over the whole stream and is drained at its end, as the CLI's filter graph is.
 */
final class MonoResampler implements AutoCloseable {

    /** Receives converted samples; the buffer is only valid during the call. */
    interface Sink {
        void accept(FloatBuffer samples) throws IOException;
    }

    private final int rate;
    private final AVChannelLayout mono = new AVChannelLayout();
    private final AVChannelLayout inputLayout = new AVChannelLayout();
    private final PointerPointer<BytePointer> output = new PointerPointer<>(1);
    private SwrContext swr;
    private int inputFormat = -1;
    private int inputRate;
    private BytePointer buffer;
    private FloatBuffer view;
    private int capacity;

    MonoResampler(int rate) {
        this.rate = rate;
        av_channel_layout_default(mono, 1);
    }

    /** Hands the frame's samples, as mono float at the target rate, to {@code sink}. */
    void convert(AVFrame frame, Sink sink) throws IOException {
        if (swr == null || frame.format() != inputFormat || frame.sample_rate() != inputRate
                || av_channel_layout_compare(frame.ch_layout(), inputLayout) != 0) {
            drain(sink);
            open(frame);
        }
        sink.accept(samples(run(frame.extended_data(), frame.nb_samples())));
    }

    /** Hands over what the filter still holds: at the end of the stream, or when the input format changes. */
    void drain(Sink sink) throws IOException {
        if (swr == null) {
            return;
        }
        for (int count = run(null, 0); count > 0; count = run(null, 0)) {
            sink.accept(samples(count));
        }
    }

    private void open(AVFrame frame) {
        freeContext();
        swr = new SwrContext();
        int ret = swr_alloc_set_opts2(swr, mono, AV_SAMPLE_FMT_FLT, rate, frame.ch_layout(), frame.format(),
                frame.sample_rate(), 0, null);
        if (ret < 0 || (ret = swr_init(swr)) < 0) {
            throw new IllegalStateException("FFmpeg could not set up its resampler: " + ret);
        }
        inputFormat = frame.format();
        inputRate = frame.sample_rate();
        av_channel_layout_uninit(inputLayout);
        av_channel_layout_copy(inputLayout, frame.ch_layout());
    }

    private int run(PointerPointer<?> input, int inputSamples) {
        int room = swr_get_out_samples(swr, inputSamples);
        if (room > capacity) {
            if (buffer != null) {
                buffer.close();
            }
            capacity = Math.max(room, 2 * capacity);
            buffer = new BytePointer((long) capacity * Float.BYTES);
            view = buffer.asByteBuffer().order(ByteOrder.nativeOrder()).asFloatBuffer();
            output.put(0, buffer);
        }
        int count = swr_convert(swr, output, capacity, input, inputSamples);
        if (count < 0) {
            throw new IllegalStateException("FFmpeg's resampler failed: " + count);
        }
        return count;
    }

    private FloatBuffer samples(int count) {
        return view.clear().limit(count);
    }

    private void freeContext() {
        if (swr != null) {
            swr_free(swr);
            swr = null;
        }
    }

    @Override
    public void close() {
        freeContext();
        if (buffer != null) {
            buffer.close();
        }
        av_channel_layout_uninit(inputLayout);
        av_channel_layout_uninit(mono);
        output.close();
    }
}
