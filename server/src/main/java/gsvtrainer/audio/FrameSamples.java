package gsvtrainer.audio;

import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_compare;
import static org.bytedeco.ffmpeg.global.avutil.av_get_bytes_per_sample;
import static org.bytedeco.ffmpeg.global.avutil.av_sample_fmt_is_planar;

import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/** Compares decoded frames sample for sample, bit for bit. */
final class FrameSamples {

    private FrameSamples() {
    }

    /** Whether both lists hold frames of the same format and layout with bit-identical samples. */
    static boolean same(List<AVFrame> a, List<AVFrame> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean same(AVFrame a, AVFrame b) {
        if (a.nb_samples() != b.nb_samples() || a.format() != b.format() || a.sample_rate() != b.sample_rate()
                || av_channel_layout_compare(a.ch_layout(), b.ch_layout()) != 0) {
            return false;
        }
        int channels = a.ch_layout().nb_channels();
        boolean planar = av_sample_fmt_is_planar(a.format()) != 0;
        long bytes = (long) a.nb_samples() * av_get_bytes_per_sample(a.format()) * (planar ? 1 : channels);
        for (int plane = 0; plane < (planar ? channels : 1); plane++) {
            if (!a.extended_data(plane).capacity(bytes).asByteBuffer()
                    .equals(b.extended_data(plane).capacity(bytes).asByteBuffer())) {
                return false;
            }
        }
        return true;
    }
}
