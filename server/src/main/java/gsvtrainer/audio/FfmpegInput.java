package gsvtrainer.audio;

import static org.bytedeco.ffmpeg.global.avformat.AVFMT_DURATION_FROM_BITRATE;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * One file opened with FFmpeg (JavaCV's bundled natives), optionally asking FFmpeg to resample to
 * mono signed 16-bit at a target rate. Maps FFmpeg's failures to {@link BadAudioException}.
 */
final class FfmpegInput implements AutoCloseable {

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final AudioInfo info;
    private final boolean exactDuration;

    private FfmpegInput(Path file, FFmpegFrameGrabber grabber, AudioInfo info, boolean exactDuration) {
        this.file = file;
        this.grabber = grabber;
        this.info = info;
        this.exactDuration = exactDuration;
    }

    /** Opens {@code file}; {@code targetRate > 0} makes every grabbed frame mono s16 at that rate. */
    static FfmpegInput open(Path file, int targetRate) throws BadAudioException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.size(file) == 0) {
            throw new BadAudioException(file, BadAudioException.Reason.EMPTY_FILE, null);
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        if (targetRate > 0) {
            // Float, like upstream's load_audio (ffmpeg -f f32le -ac 1): FFmpeg then mixes stereo to
            // mono at the same level as upstream instead of scaling it down to avoid clipping.
            grabber.setSampleFormat(AV_SAMPLE_FMT_FLT);
            grabber.setSampleRate(targetRate);
            grabber.setAudioChannels(1);
        }
        try {
            grabber.start();
            AVCodecParameters codec = audioCodec(grabber.getFormatContext());
            if (!grabber.hasAudio() || codec == null) {
                throw new BadAudioException(file, BadAudioException.Reason.NOT_AUDIO, "no audio stream");
            }
            long micros = grabber.getLengthInTime();
            AudioInfo info = new AudioInfo(grabber.getFormat(), avcodec.avcodec_get_name(codec.codec_id()).getString(),
                    codec.sample_rate(), codec.ch_layout().nb_channels(), micros > 0 ? micros / 1e6 : Double.NaN);
            boolean exact = micros > 0
                    && grabber.getFormatContext().duration_estimation_method() != AVFMT_DURATION_FROM_BITRATE;
            return new FfmpegInput(file, grabber, info, exact);
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

    /** The next block of samples, or null at the end of the stream. */
    Frame nextSamples() throws BadAudioException {
        try {
            return grabber.grabSamples();
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new BadAudioException(file, BadAudioException.Reason.DECODE_ERROR, ffmpegReason(e), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    private static AVCodecParameters audioCodec(AVFormatContext format) {
        for (int i = 0; i < format.nb_streams(); i++) {
            AVCodecParameters codec = format.streams(i).codecpar();
            if (codec.codec_type() == AVMEDIA_TYPE_AUDIO) {
                return codec;
            }
        }
        return null;
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
