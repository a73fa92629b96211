package gsvtrainer.audio;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Reuses FFmpeg's frame and packet structs across threads. Allocating a fresh one per packet, and
 * freeing what a frame holds on another thread than the one that allocated it, defeat glibc's
 * per-thread caches (it consolidates its heap instead). So a released struct keeps its data until the
 * thread that takes it again (the one that fills it) drops it; closing frees them all.
 */
final class NativeRecycler implements AutoCloseable {

    private final Queue<AVFrame> frames = new ConcurrentLinkedQueue<>();
    private final Queue<AVPacket> packets = new ConcurrentLinkedQueue<>();

    /** An empty frame. */
    AVFrame frame() {
        AVFrame frame = frames.poll();
        if (frame == null) {
            return av_frame_alloc();
        }
        av_frame_unref(frame);
        return frame;
    }

    /** An empty packet. */
    AVPacket packet() {
        AVPacket packet = packets.poll();
        if (packet == null) {
            return av_packet_alloc();
        }
        av_packet_unref(packet);
        return packet;
    }

    void release(AVFrame frame) {
        frames.add(frame);
    }

    void release(AVPacket packet) {
        packets.add(packet);
    }

    @Override
    public void close() {
        for (AVFrame frame = frames.poll(); frame != null; frame = frames.poll()) {
            av_frame_free(frame);
        }
        for (AVPacket packet = packets.poll(); packet != null; packet = packets.poll()) {
            av_packet_free(packet);
        }
    }
}
