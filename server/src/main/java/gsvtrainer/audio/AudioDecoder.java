package gsvtrainer.audio;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CAP_DELAY;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;

import java.util.List;
import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * One FFmpeg audio decoder with default options, as the ffmpeg CLI opens it. Decoding errors are
 * skipped, as FFmpeg's own tools skip them: a damaged packet loses its samples, not the file.
 */
final class AudioDecoder implements AutoCloseable {

    /**
     * Decoders whose output depends only on the last few packets (bit reservoir, overlap and filter bank
     * of MPEG audio), so a fresh decoder started a few packets early joins an ongoing one exactly.
     */
    private static final Set<String> SHORT_MEMORY = Set.of("mp1", "mp1float", "mp2", "mp2float", "mp3", "mp3float");

    private final AVCodec codec;
    private final AVCodecContext context;
    private final NativeRecycler recycler;
    private final MonoDownmix downmix;

    /**
     * A decoder of the stream described by {@code parameters}, taking its frames from {@code recycler}.
     *
     * @param mono whether to mix its frames down to mono float ({@link MonoDownmix})
     */
    AudioDecoder(AVCodecParameters parameters, AVRational timeBase, NativeRecycler recycler, boolean mono) {
        this.recycler = recycler;
        this.downmix = mono ? new MonoDownmix(recycler) : null;
        codec = avcodec_find_decoder(parameters.codec_id());
        if (codec == null) {
            throw new IllegalStateException("FFmpeg has no decoder for codec " + parameters.codec_id());
        }
        context = avcodec_alloc_context3(codec);
        int ret = avcodec_parameters_to_context(context, parameters);
        if (ret >= 0) {
            context.pkt_timebase(timeBase);
            ret = avcodec_open2(context, codec, (AVDictionary) null);
        }
        if (ret < 0) {
            avcodec_free_context(context);
            throw new IllegalStateException("FFmpeg could not open its " + codec.name().getString() + " decoder: " + ret);
        }
    }

    /** Whether segments of the stream can be decoded apart and joined sample-exactly after a pre-roll. */
    boolean joinable() {
        return SHORT_MEMORY.contains(codec.name().getString()) && (codec.capabilities() & AV_CODEC_CAP_DELAY) == 0;
    }

    /** Decodes {@code packet} (null drains the decoder at the end of the stream), adding the frames it yields. */
    void decode(AVPacket packet, List<AVFrame> frames) {
        if (avcodec_send_packet(context, packet) < 0 && packet != null) {
            return;
        }
        while (true) {
            AVFrame frame = recycler.frame();
            if (avcodec_receive_frame(context, frame) < 0) {
                recycler.release(frame);
                return;
            }
            frames.add(downmix == null ? frame : downmix.apply(frame));
        }
    }

    /** Forgets the stream so far, as if freshly opened. */
    void reset() {
        avcodec_flush_buffers(context);
    }

    @Override
    public void close() {
        avcodec_free_context(context);
        if (downmix != null) {
            downmix.close();
        }
    }
}
