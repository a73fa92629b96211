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
 * Reuses FFmpeg's frame and packet structs across threads: allocating a fresh one per packet costs a
 * good part of decoding it (the aligned allocations make glibc consolidate its heap). Releasing drops
 * what a struct refers to and keeps the struct; closing frees them all.
 */
final class NativeRecycler implements AutoCloseable {

    private final Queue<AVFrame> frames = new ConcurrentLinkedQueue<>();
    private final Queue<AVPacket> packets = new ConcurrentLinkedQueue<>();

    AVFrame frame() {
        AVFrame frame = frames.poll();
        return frame != null ? frame : av_frame_alloc();
    }

    AVPacket packet() {
        AVPacket packet = packets.poll();
        return packet != null ? packet : av_packet_alloc();
    }

    void release(AVFrame frame) {
        av_frame_unref(frame);
        frames.add(frame);
    }

    void release(AVPacket packet) {
        av_packet_unref(packet);
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
