package gsvtrainer.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_compare;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;

/**
 * Mixes decoded frames down to mono float at their own rate, with FFmpeg's default matrix (the one
 * {@code ffmpeg -ac 1} uses: each of two stereo channels times 1/√2). It runs where the frames are
 * decoded, on the decoder's thread, so the resampler after it filters one channel instead of all of
 * them. Mixing before filtering instead of after changes a sample only by float rounding.
 */
final class MonoDownmix implements AutoCloseable {

    private final NativeRecycler recycler;
    private final AVChannelLayout mono = new AVChannelLayout();
    private final AVChannelLayout inputLayout = new AVChannelLayout();
    private SwrContext swr;
    private int inputFormat = -1;
    private int inputRate;

    MonoDownmix(NativeRecycler recycler) {
        this.recycler = recycler;
        av_channel_layout_default(mono, 1);
    }

    /**
     * The frame as mono float: {@code frame} itself where it is that already, otherwise a new frame
     * from the recycler, and {@code frame} goes back to it.
     */
    AVFrame apply(AVFrame frame) {
        if (frame.format() == AV_SAMPLE_FMT_FLT && av_channel_layout_compare(frame.ch_layout(), mono) == 0) {
            return frame;
        }
        if (swr == null || frame.format() != inputFormat || frame.sample_rate() != inputRate
                || av_channel_layout_compare(frame.ch_layout(), inputLayout) != 0) {
            open(frame);
        }
        AVFrame mixed = recycler.frame();
        mixed.format(AV_SAMPLE_FMT_FLT);
        mixed.sample_rate(frame.sample_rate());
        mixed.nb_samples(frame.nb_samples());
        av_channel_layout_copy(mixed.ch_layout(), mono);
        if (av_frame_get_buffer(mixed, 0) < 0) {
            recycler.release(mixed);
            throw new OutOfMemoryError("FFmpeg could not allocate a frame of " + frame.nb_samples() + " samples");
        }
        int count = swr_convert(swr, mixed.extended_data(), frame.nb_samples(), frame.extended_data(),
                frame.nb_samples());
        if (count != frame.nb_samples()) {
            recycler.release(mixed);
            throw new IllegalStateException("FFmpeg's down-mix gave " + count + " of " + frame.nb_samples() + " samples");
        }
        recycler.release(frame);
        return mixed;
    }

    private void open(AVFrame frame) {
        freeContext();
        swr = new SwrContext();
        int ret = swr_alloc_set_opts2(swr, mono, AV_SAMPLE_FMT_FLT, frame.sample_rate(), frame.ch_layout(),
                frame.format(), frame.sample_rate(), 0, null);
        if (ret < 0 || (ret = swr_init(swr)) < 0) {
            throw new IllegalStateException("FFmpeg could not set up its down-mix: " + ret);
        }
        inputFormat = frame.format();
        inputRate = frame.sample_rate();
        av_channel_layout_uninit(inputLayout);
        av_channel_layout_copy(inputLayout, frame.ch_layout());
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
        av_channel_layout_uninit(inputLayout);
        av_channel_layout_uninit(mono);
    }
}
