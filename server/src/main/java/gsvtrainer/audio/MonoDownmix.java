package gsvtrainer.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;

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
    private final MonoSwr swr = new MonoSwr(0);

    MonoDownmix(NativeRecycler recycler) {
        this.recycler = recycler;
    }

    /**
     * The frame as mono float: {@code frame} itself where it is that already, otherwise a new frame
     * from the recycler, and {@code frame} goes back to it.
     */
    AVFrame apply(AVFrame frame) {
        if (swr.isMonoFloat(frame)) {
            return frame;
        }
        SwrContext context = swr.isOpenFor(frame) ? swr.context() : swr.open(frame);
        AVFrame mixed = recycler.frame();
        mixed.format(AV_SAMPLE_FMT_FLT);
        mixed.sample_rate(frame.sample_rate());
        mixed.nb_samples(frame.nb_samples());
        av_channel_layout_copy(mixed.ch_layout(), swr.mono());
        if (av_frame_get_buffer(mixed, 0) < 0) {
            recycler.release(mixed);
            throw new OutOfMemoryError("FFmpeg could not allocate a frame of " + frame.nb_samples() + " samples");
        }
        int count = swr_convert(context, mixed.extended_data(), frame.nb_samples(), frame.extended_data(),
                frame.nb_samples());
        if (count != frame.nb_samples()) {
            recycler.release(mixed);
            throw new IllegalStateException("FFmpeg's down-mix gave " + count + " of " + frame.nb_samples() + " samples");
        }
        recycler.release(frame);
        return mixed;
    }

    @Override
    public void close() {
        swr.close();
    }
}
