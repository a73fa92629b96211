package gsvtrainer.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_compare;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;

/**
 * One context of FFmpeg's resampler library (default options) from the format, rate and channel
 * layout of some frames to mono float, at a given rate or at theirs; opened again for frames that
 * differ from the ones it was opened for.
 */
final class MonoSwr implements AutoCloseable {

    private final int outputRate;
    private final AVChannelLayout mono = new AVChannelLayout();
    private final AVChannelLayout inputLayout = new AVChannelLayout();
    private SwrContext swr;
    private int inputFormat = -1;
    private int inputRate;

    /** @param outputRate the rate to resample to; 0 keeps each input's */
    MonoSwr(int outputRate) {
        this.outputRate = outputRate;
        av_channel_layout_default(mono, 1);
    }

    /** Whether the frame is mono float already. */
    boolean isMonoFloat(AVFrame frame) {
        return frame.format() == AV_SAMPLE_FMT_FLT && av_channel_layout_compare(frame.ch_layout(), mono) == 0;
    }

    /** Whether a context is open, and for frames like this one. */
    boolean isOpenFor(AVFrame frame) {
        return isOpenFor(frame.ch_layout(), frame.format(), frame.sample_rate());
    }

    /** Whether a context is open for mono float input at {@code rate}. */
    boolean isOpenForMono(int rate) {
        return isOpenFor(mono, AV_SAMPLE_FMT_FLT, rate);
    }

    private boolean isOpenFor(AVChannelLayout layout, int format, int rate) {
        return swr != null && format == inputFormat && rate == inputRate
                && av_channel_layout_compare(layout, inputLayout) == 0;
    }

    /** The context for frames like this one, opened afresh (the one before freed). */
    SwrContext open(AVFrame frame) {
        return open(frame.ch_layout(), frame.format(), frame.sample_rate());
    }

    /** The context for mono float input at {@code rate}, opened afresh (the one before freed). */
    SwrContext openForMono(int rate) {
        return open(mono, AV_SAMPLE_FMT_FLT, rate);
    }

    private SwrContext open(AVChannelLayout layout, int format, int rate) {
        free();
        swr = new SwrContext();
        int ret = swr_alloc_set_opts2(swr, mono, AV_SAMPLE_FMT_FLT, outputRate > 0 ? outputRate : rate, layout,
                format, rate, 0, null);
        if (ret < 0 || (ret = swr_init(swr)) < 0) {
            swr_free(swr);
            swr = null;
            throw new IllegalStateException("FFmpeg could not set up its resampler: " + ret);
        }
        inputFormat = format;
        inputRate = rate;
        av_channel_layout_uninit(inputLayout);
        av_channel_layout_copy(inputLayout, layout);
        return swr;
    }

    /** The open context, or null. */
    SwrContext context() {
        return swr;
    }

    /** A mono layout, for frames to be described with. */
    AVChannelLayout mono() {
        return mono;
    }

    private void free() {
        if (swr != null) {
            swr_free(swr);
            swr = null;
        }
    }

    @Override
    public void close() {
        free();
        av_channel_layout_uninit(inputLayout);
        av_channel_layout_uninit(mono);
    }
}
