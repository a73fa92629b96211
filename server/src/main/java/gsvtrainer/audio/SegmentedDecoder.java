package gsvtrainer.audio;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_ref;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

/**
 * Decodes the audio packets of one input on worker threads, mixed down to mono float there
 * ({@link MonoDownmix}), and hands the samples over a segment at a time in stream order on the calling
 * thread, so decoding overlaps whatever the caller does with them. The stream is cut into segments of
 * packets. Where the codec is {@linkplain AudioDecoder#joinable() joinable}, segments are decoded side
 * by side, each by a reset decoder primed with the packets before it; the samples of the last of those
 * must be exactly what the previous segment's decoder made of them, or decoding stops with
 * {@link NotJoinable}. Otherwise one decoder takes every segment in turn.
 */
final class SegmentedDecoder {

    /** Receives a segment's samples in stream order; the block is reused after the call. */
    interface Sink {
        void accept(MonoBlock samples) throws IOException;
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

    /**
     * Samples of a segment; {@code check} are those of its last checked pre-roll packets, and its own
     * last checked packets' samples start at {@code tailStart}.
     */
    private record Decoded(long index, MonoBlock check, MonoBlock samples, int tailStart) {
    }

    /** A decoder and the down-mix of its frames, used by one thread at a time. */
    private record Lane(AudioDecoder decoder, MonoDownmix downmix) implements AutoCloseable {
        void decode(AVPacket packet, MonoBlock into) {
            decoder.decode(packet, frame -> downmix.append(frame, into));
        }

        @Override
        public void close() {
            decoder.close();
            downmix.close();
        }
    }

    private final int threads;
    private final int segmentPackets;
    private final int preRoll;
    /** The blocks of the decoding under way: every one made, and those free for a segment. */
    private final Queue<MonoBlock> blocks = new ConcurrentLinkedQueue<>();
    private final Queue<MonoBlock> spare = new ConcurrentLinkedQueue<>();

    SegmentedDecoder(int threads) {
        this(threads, SEGMENT_PACKETS, 0);
    }

    /**
     * Segments of {@code segmentPackets} packets, each primed, when decoded apart, with {@code preRoll}
     * packets (0: as many as the packets' sizes call for).
     */
    SegmentedDecoder(int threads, int segmentPackets, int preRoll) {
        if (preRoll != 0 && (segmentPackets < preRoll || preRoll < CHECKED)) {
            throw new IllegalArgumentException("need segmentPackets >= preRoll >= " + CHECKED);
        }
        this.threads = Math.max(1, threads);
        this.segmentPackets = segmentPackets;
        this.preRoll = preRoll;
    }

    void decode(FfmpegInput input, Sink sink)
            throws BadAudioException, IOException, InterruptedException, NotJoinable {
        List<Lane> lanes = new ArrayList<>();
        NativeRecycler recycler = new NativeRecycler();
        ExecutorService workers = null;
        Deque<Future<Decoded>> inFlight = new ArrayDeque<>();
        List<AVPacket> carried = new ArrayList<>();
        MonoBlock previousTail = block();
        try {
            lanes.add(lane(input));
            boolean apart = threads > 1 && lanes.get(0).decoder().joinable();
            while (apart && lanes.size() < threads) {
                lanes.add(lane(input));
            }
            BlockingQueue<Lane> idle = new ArrayBlockingQueue<>(lanes.size(), false, lanes);
            workers = Executors.newFixedThreadPool(lanes.size(), SegmentedDecoder::daemon);
            boolean ended = false;
            for (long index = 0; !ended || !inFlight.isEmpty(); ) {
                while (!ended && inFlight.size() < 2 * lanes.size() + 1) {
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
                try {
                    if (previousTail.count() > 0 && !previousTail.sameAs(decoded.check())) {
                        throw new NotJoinable(decoded.index());
                    }
                    sink.accept(decoded.samples());
                    previousTail.clear();
                    if (apart) {
                        decoded.samples().copyTail(decoded.tailStart(), previousTail);
                    }
                } finally {
                    release(decoded);
                }
            }
        } finally {
            carried.forEach(recycler::release);
            if (workers != null) {
                finish(workers);
            }
            blocks.forEach(MonoBlock::close);
            blocks.clear();
            spare.clear();
            lanes.forEach(Lane::close);
            recycler.close();
        }
    }

    private static Lane lane(FfmpegInput input) {
        AudioDecoder decoder = new AudioDecoder(input.codecParameters(), input.timeBase());
        return new Lane(decoder, new MonoDownmix());
    }

    /** An empty block, a spare one where there is one; every block is closed when decoding ends. */
    private MonoBlock block() {
        MonoBlock block = spare.poll();
        if (block == null) {
            block = new MonoBlock();
            blocks.add(block);
        }
        block.clear();
        return block;
    }

    private void release(Decoded decoded) {
        spare.add(decoded.check());
        spare.add(decoded.samples());
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

    private Decoded decodeWith(BlockingQueue<Lane> idle, Segment segment, boolean apart,
            NativeRecycler recycler) throws InterruptedException {
        Lane lane = idle.take();
        try {
            if (apart) {
                lane.decoder().reset();
            }
            MonoBlock check = block();
            List<AVPacket> preRollPackets = segment.preRoll();
            for (int i = 0; i < preRollPackets.size(); i++) {
                lane.decode(preRollPackets.get(i), check);
                if (i < preRollPackets.size() - CHECKED) {
                    check.clear();
                }
            }
            MonoBlock samples = block();
            int tailStart = 0;
            for (int i = 0; i < segment.packets().size(); i++) {
                if (i == segment.packets().size() - CHECKED) {
                    tailStart = samples.count();
                }
                lane.decode(segment.packets().get(i), samples);
            }
            if (segment.last()) {
                lane.decode(null, samples);
                tailStart = samples.count();
            }
            return new Decoded(segment.index(), check, samples, tailStart);
        } finally {
            idle.add(lane);
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

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "audio-decoder");
        thread.setDaemon(true);
        return thread;
    }
}
