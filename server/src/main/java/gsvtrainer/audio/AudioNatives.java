package gsvtrainer.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * FFmpeg's libraries as JavaCV bundles them, loaded once per process. FFmpeg's own log is kept to
 * errors: its banners describe every file opened, with the server's absolute path, in the run log.
 */
public final class AudioNatives {

    private static volatile boolean loaded;

    private AudioNatives() {
    }

    /** Loads the libraries, if no one has yet; safe from any thread. Takes a few hundred milliseconds the first time. */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (AudioNatives.class) {
            if (!loaded) {
                try {
                    FFmpegFrameGrabber.tryLoad();
                } catch (FFmpegFrameGrabber.Exception e) {
                    throw new IllegalStateException("FFmpeg's libraries could not be loaded", e);
                }
                av_log_set_level(AV_LOG_ERROR);
                loaded = true;
            }
        }
    }
}
