package gsvtrainer.audio;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_ref;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Decodes the audio packets of one input on worker threads and hands the frames over in stream order
 * on the calling thread, so decoding overlaps whatever the caller does with them. The stream is cut
 * into segments of packets. Where the codec is {@linkplain AudioDecoder#joinable() joinable}, segments
 * are decoded side by side, each by a reset decoder primed with the packets before it; the last of
 * those must decode to exactly what the previous segment's decoder made of them, or decoding stops
 * with {@link NotJoinable}. Otherwise one decoder takes every segment in turn. Frames can be mixed down to
 * mono where they are decoded; the check then compares mixed frames, which are what the caller gets.
 */
final class SegmentedDecoder {

    /** Receives decoded frames in stream order; the frame is freed after the call. */
    interface Sink {
        void accept(AVFrame frame) throws IOException;
    }

    /** A segment decoded apart did not join its predecessor sample-exactly. */
    static final class NotJoinable extends Exception {
        NotJoinable(long segment) {
            super("segment " + segment + " does not join the one before it");
        }
    }

    static final int SEGMENT_PACKETS = 256;
    /** Pre-roll packets compared with the previous segment's last ones. */
    static final int CHECKED = 2;
    /**
     * Pre-roll packets before the checked ones: enough for MPEG audio's bit reservoir (at most 511
     * bytes back, so 1 KiB of packets) and then two more for its overlap and filter bank to settle.
     */
    private static final int PRIMING_BYTES = 1024;
    private static final int SETTLING_PACKETS = 2;

    private record Segment(long index, List<AVPacket> preRoll, List<AVPacket> packets, boolean last) {
    }

    /** Frames of a segment; {@code check} are those of its last checked pre-roll packets. */
    private record Decoded(long index, List<AVFrame> check, List<AVFrame> frames, int tailStart) {
    }

    private final int threads;
    private final int segmentPackets;
    private final int preRoll;
    private final boolean mono;

    SegmentedDecoder(int threads) {
        this(threads, SEGMENT_PACKETS, 0, false);
    }

    /** Where {@code mono}, frames are mixed down to mono float on the decoding threads ({@link MonoDownmix}). */
    SegmentedDecoder(int threads, boolean mono) {
        this(threads, SEGMENT_PACKETS, 0, mono);
    }

    /**
     * Segments of {@code segmentPackets} packets, each primed, when decoded apart, with {@code preRoll}
     * packets (0: as many as the packets' sizes call for).
     */
    SegmentedDecoder(int threads, int segmentPackets, int preRoll, boolean mono) {
        if (preRoll != 0 && (segmentPackets < preRoll || preRoll < CHECKED)) {
            throw new IllegalArgumentException("need segmentPackets >= preRoll >= " + CHECKED);
        }
        this.threads = Math.max(1, threads);
        this.segmentPackets = segmentPackets;
        this.preRoll = preRoll;
        this.mono = mono;
    }

    void decode(FfmpegInput input, Sink sink)
            throws BadAudioException, IOException, InterruptedException, NotJoinable {
        List<AudioDecoder> decoders = new ArrayList<>();
        NativeRecycler recycler = new NativeRecycler();
        ExecutorService workers = null;
        Deque<Future<Decoded>> inFlight = new ArrayDeque<>();
        List<AVPacket> carried = new ArrayList<>();
        List<AVFrame> previousTail = new ArrayList<>();
        try {
            decoders.add(new AudioDecoder(input.codecParameters(), input.timeBase(), recycler, mono));
            boolean apart = threads > 1 && decoders.get(0).joinable();
            while (apart && decoders.size() < threads) {
                decoders.add(new AudioDecoder(input.codecParameters(), input.timeBase(), recycler, mono));
            }
            BlockingQueue<AudioDecoder> idle = new ArrayBlockingQueue<>(decoders.size(), false, decoders);
            workers = Executors.newFixedThreadPool(decoders.size(), SegmentedDecoder::daemon);
            boolean ended = false;
            for (long index = 0; !ended || !inFlight.isEmpty(); ) {
                while (!ended && inFlight.size() < 2 * decoders.size() + 1) {
                    List<AVPacket> packets = read(input, recycler);
                    ended = packets.size() < segmentPackets;
                    Segment segment = new Segment(index++, List.copyOf(carried), packets, ended);
                    carried.clear();
                    if (apart) {
                        for (AVPacket packet : packets.subList(packets.size() - preRollOf(packets), packets.size())) {
                            AVPacket copy = recycler.packet();
                            av_packet_ref(copy, packet);
                            carried.add(copy);
                        }
                    }
                    inFlight.add(workers.submit(() -> decodeWith(idle, segment, apart, recycler)));
                }
                Decoded decoded = result(inFlight.poll());
                boolean joins = previousTail.isEmpty() || FrameSamples.same(previousTail, decoded.check());
                release(previousTail, recycler);
                release(decoded.check(), recycler);
                if (!joins) {
                    release(decoded.frames(), recycler);
                    throw new NotJoinable(decoded.index());
                }
                List<AVFrame> frames = decoded.frames();
                for (int i = 0; i < frames.size(); i++) {
                    sink.accept(frames.get(i));
                    if (apart && i >= decoded.tailStart()) {
                        previousTail.add(frames.get(i));
                    } else {
                        recycler.release(frames.get(i));
                    }
                }
            }
        } finally {
            release(previousTail, recycler);
            carried.forEach(recycler::release);
            if (workers != null) {
                finish(workers);
            }
            for (Future<Decoded> future : inFlight) {
                discard(future, recycler);
            }
            decoders.forEach(AudioDecoder::close);
            recycler.close();
        }
    }

    /** How many of the last of {@code packets} prime the decoder of the segment after them. */
    private int preRollOf(List<AVPacket> packets) {
        if (preRoll != 0) {
            return Math.min(preRoll, packets.size());
        }
        int count = CHECKED + SETTLING_PACKETS;
        for (long bytes = 0; count < packets.size() && bytes < PRIMING_BYTES; count++) {
            bytes += packets.get(packets.size() - 1 - count).size();
        }
        return Math.min(count, packets.size());
    }

    private List<AVPacket> read(FfmpegInput input, NativeRecycler recycler) throws BadAudioException {
        List<AVPacket> packets = new ArrayList<>();
        while (packets.size() < segmentPackets) {
            AVPacket packet = recycler.packet();
            if (!input.nextPacket(packet)) {
                recycler.release(packet);
                break;
            }
            packets.add(packet);
        }
        return packets;
    }

    private Decoded decodeWith(BlockingQueue<AudioDecoder> idle, Segment segment, boolean apart,
            NativeRecycler recycler) throws InterruptedException {
        AudioDecoder decoder = idle.take();
        try {
            if (apart) {
                decoder.reset();
            }
            List<AVFrame> check = new ArrayList<>();
            List<AVFrame> skipped = new ArrayList<>();
            for (int i = 0; i < segment.preRoll().size(); i++) {
                decoder.decode(segment.preRoll().get(i), i < segment.preRoll().size() - CHECKED ? skipped : check);
                release(skipped, recycler);
            }
            List<AVFrame> frames = new ArrayList<>();
            int tailStart = 0;
            for (int i = 0; i < segment.packets().size(); i++) {
                if (i == segment.packets().size() - CHECKED) {
                    tailStart = frames.size();
                }
                decoder.decode(segment.packets().get(i), frames);
            }
            if (segment.last()) {
                decoder.decode(null, frames);
                tailStart = frames.size();
            }
            return new Decoded(segment.index(), check, frames, tailStart);
        } finally {
            idle.add(decoder);
            segment.preRoll().forEach(recycler::release);
            segment.packets().forEach(recycler::release);
        }
    }

    private static Decoded result(Future<Decoded> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("decoding failed", e.getCause());
        }
    }

    /** Lets queued segments finish (a decoder must never be closed mid-packet), even when interrupted. */
    private static void finish(ExecutorService workers) {
        workers.shutdown();
        boolean interrupted = false;
        while (!workers.isTerminated()) {
            try {
                workers.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void discard(Future<Decoded> future, NativeRecycler recycler) {
        if (future.isDone()) {
            try {
                Decoded decoded = future.get();
                release(decoded.check(), recycler);
                release(decoded.frames(), recycler);
            } catch (ExecutionException | InterruptedException | CancellationException ignored) {
                // nothing was decoded, so nothing is left to free
            }
        }
    }

    /** Releases the frames and empties the list. */
    private static void release(List<AVFrame> frames, NativeRecycler recycler) {
        frames.forEach(recycler::release);
        frames.clear();
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "audio-decoder");
        thread.setDaemon(true);
        return thread;
    }
}
