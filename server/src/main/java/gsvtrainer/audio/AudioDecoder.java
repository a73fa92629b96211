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
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

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
 * It hands each frame it decodes to a sink and then drops it, on the thread that decodes, so the
 * decoder's own buffer pool serves every frame.
 */
final class AudioDecoder implements AutoCloseable {

    /** Receives a decoded frame, which is only valid during the call. */
    interface FrameSink {
        void accept(AVFrame frame);
    }

    /**
     * Decoders whose output depends only on the last few packets (bit reservoir, overlap and filter bank
     * of MPEG audio), so a fresh decoder started a few packets early joins an ongoing one exactly.
     */
    private static final Set<String> SHORT_MEMORY = Set.of("mp1", "mp1float", "mp2", "mp2float", "mp3", "mp3float");

    private final AVCodec codec;
    private final AVCodecContext context;
    private final AVFrame frame;

    /** A decoder of the stream described by {@code parameters}. */
    AudioDecoder(AVCodecParameters parameters, AVRational timeBase) {
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
        frame = av_frame_alloc();
    }

    /** Whether segments of the stream can be decoded apart and joined sample-exactly after a pre-roll. */
    boolean joinable() {
        return SHORT_MEMORY.contains(codec.name().getString()) && (codec.capabilities() & AV_CODEC_CAP_DELAY) == 0;
    }

    /** Decodes {@code packet} (null drains the decoder at the end of the stream), handing over the frames it yields. */
    void decode(AVPacket packet, FrameSink sink) {
        if (avcodec_send_packet(context, packet) < 0 && packet != null) {
            return;
        }
        while (avcodec_receive_frame(context, frame) >= 0) {
            try {
                sink.accept(frame);
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    /** Forgets the stream so far, as if freshly opened. */
    void reset() {
        avcodec_flush_buffers(context);
    }

    @Override
    public void close() {
        avcodec_free_context(context);
        av_frame_free(frame);
    }
}
