package gsvtrainer.audio;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_move_ref;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_DURATION_FROM_BITRATE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * One file opened with FFmpeg (JavaCV's bundled natives): what its container says, and the packets of
 * its audio stream, which {@link AudioDecoder}s turn into samples. Maps FFmpeg's failures to
 * {@link BadAudioException}.
 */
final class FfmpegInput implements AutoCloseable {

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final AVStream stream;
    private final AudioInfo info;
    private final boolean exactDuration;

    private FfmpegInput(Path file, FFmpegFrameGrabber grabber, AVStream stream, AudioInfo info, boolean exactDuration) {
        this.file = file;
        this.grabber = grabber;
        this.stream = stream;
        this.info = info;
        this.exactDuration = exactDuration;
    }

    static FfmpegInput open(Path file) throws BadAudioException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.size(file) == 0) {
            throw new BadAudioException(file, BadAudioException.Reason.EMPTY_FILE, null);
        }
        AudioNatives.load();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setImageMode(FrameGrabber.ImageMode.RAW); // else it asks for a pixel format an audio file rejects
        try {
            grabber.start();
            if (!grabber.hasAudio() || grabber.getAudioStream() < 0) {
                throw new BadAudioException(file, BadAudioException.Reason.NOT_AUDIO, "no audio stream");
            }
            AVStream stream = grabber.getFormatContext().streams(grabber.getAudioStream());
            AVCodecParameters codec = stream.codecpar();
            long micros = grabber.getLengthInTime();
            AudioInfo info = new AudioInfo(grabber.getFormat(), avcodec.avcodec_get_name(codec.codec_id()).getString(),
                    codec.sample_rate(), codec.ch_layout().nb_channels(), micros > 0 ? micros / 1e6 : Double.NaN);
            boolean exact = micros > 0
                    && grabber.getFormatContext().duration_estimation_method() != AVFMT_DURATION_FROM_BITRATE;
            return new FfmpegInput(file, grabber, stream, info, exact);
        } catch (FFmpegFrameGrabber.Exception e) {
            closeQuietly(grabber);
            throw new BadAudioException(file, BadAudioException.Reason.NOT_AUDIO, ffmpegReason(e), e);
        } catch (BadAudioException | RuntimeException e) {
            closeQuietly(grabber);
            throw e;
        }
    }

    /** The source as the container describes it; the duration is NaN when the container declares none. */
    AudioInfo info() {
        return info;
    }

    /**
     * Whether the container states its duration (headers, frame counts, timestamps) rather than FFmpeg
     * estimating it from the bit rate; only a stated duration can show truncation or encoder padding.
     */
    boolean hasExactDuration() {
        return exactDuration;
    }

    AVCodecParameters codecParameters() {
        return stream.codecpar();
    }

    AVRational timeBase() {
        return stream.time_base();
    }

    /**
     * Moves the next packet of the audio stream into {@code packet}; false at the end of the file. A
     * read error ends the stream, as it does for FFmpeg's own tools; a short file then shows as truncated.
     */
    boolean nextPacket(AVPacket packet) throws BadAudioException {
        try {
            for (AVPacket read = grabber.grabPacket(); read != null; read = grabber.grabPacket()) {
                if (read.stream_index() == stream.index()) {
                    av_packet_move_ref(packet, read);
                    return true;
                }
                avcodec.av_packet_unref(read);
            }
            return false;
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new BadAudioException(file, BadAudioException.Reason.DECODE_ERROR, ffmpegReason(e), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    /** FFmpeg's own words (the part in parentheses of JavaCV's message), without the server path. */
    private static String ffmpegReason(Exception e) {
        String message = String.valueOf(e.getMessage());
        int open = message.lastIndexOf('(');
        int close = message.lastIndexOf(')');
        return open >= 0 && close > open ? message.substring(open + 1, close) : "FFmpeg could not read it";
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (Exception ignored) {
            // closing a grabber that failed to start may fail again; nothing is left to release
        }
    }
}
