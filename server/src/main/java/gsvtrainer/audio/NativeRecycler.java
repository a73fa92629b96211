package gsvtrainer.audio;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

/**
 * Reuses FFmpeg's packet structs across threads. Allocating a fresh one per packet, and freeing what a
 * packet holds on another thread than the one that allocated it, defeat glibc's per-thread caches (it
 * consolidates its heap instead). So a released packet keeps its data until the thread that takes it
 * again (the one that fills it) drops it; closing frees them all.
 */
final class NativeRecycler implements AutoCloseable {

    private final Queue<AVPacket> packets = new ConcurrentLinkedQueue<>();

    /** An empty packet. */
    AVPacket packet() {
        AVPacket packet = packets.poll();
        if (packet == null) {
            return av_packet_alloc();
        }
        av_packet_unref(packet);
        return packet;
    }

    void release(AVPacket packet) {
        packets.add(packet);
    }

    @Override
    public void close() {
        for (AVPacket packet = packets.poll(); packet != null; packet = packets.poll()) {
            av_packet_free(packet);
        }
    }
}
