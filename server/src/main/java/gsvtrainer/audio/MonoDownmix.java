package gsvtrainer.audio;

import static org.bytedeco.ffmpeg.global.swresample.swr_convert;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Mixes decoded frames down to mono float at their own rate, with FFmpeg's default matrix (the one
 * {@code ffmpeg -ac 1} uses: each of two stereo channels times 1/√2), straight into a {@link MonoBlock}.
 * It runs where the frames are decoded, on the decoder's thread, so the resampler after it filters one
 * channel instead of all of them. Mixing before filtering instead of after changes a sample only by
 * float rounding.
 */
final class MonoDownmix implements AutoCloseable {

    private final MonoSwr swr = new MonoSwr(0);
    private final PointerPointer<BytePointer> output = new PointerPointer<>(1);

    /** Adds the frame's samples, as mono float, to the end of {@code block}. */
    void append(AVFrame frame, MonoBlock block) {
        int samples = frame.nb_samples();
        if (swr.isMonoFloat(frame)) {
            block.append(frame.extended_data(0), samples, frame.sample_rate());
            return;
        }
        SwrContext context = swr.isOpenFor(frame) ? swr.context() : swr.open(frame);
        output.put(0, block.end(samples));
        int count = swr_convert(context, output, samples, frame.extended_data(), samples);
        if (count != samples) {
            throw new IllegalStateException("FFmpeg's down-mix gave " + count + " of " + samples + " samples");
        }
        block.added(count, frame.sample_rate());
    }

    @Override
    public void close() {
        swr.close();
        output.close();
    }
}
