package gsvtrainer.files;

import gsvtrainer.audio.AudioNatives;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens the file with FFmpeg (JavaCV's bundled natives) and decodes its first audio frames: a file
 * with no audio stream, or whose audio cannot be decoded, is refused.
 */
@Component
class FfmpegAudioValidator implements AudioValidator {

    private static final Logger log = LoggerFactory.getLogger(FfmpegAudioValidator.class);

    @Override
    public AudioCheck check(Path file) throws NotAudioException {
        AudioNatives.load();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setImageMode(FrameGrabber.ImageMode.RAW);
            grabber.start();
            if (grabber.getAudioChannels() <= 0) {
                throw new NotAudioException("the file has no audio stream");
            }
            Frame frame = null;
            for (int i = 0; i < 50 && frame == null; i++) {
                frame = grabber.grabSamples();
            }
            if (frame == null) {
                throw new NotAudioException("the file's audio stream holds no decodable samples");
            }
            double duration = grabber.getLengthInTime() > 0 ? grabber.getLengthInTime() / 1_000_000.0 : 0;
            return new AudioCheck(duration, grabber.getSampleRate(), grabber.getAudioChannels(), grabber.getFormat());
        } catch (NotAudioException e) {
            throw e;
        } catch (Exception e) {
            // FFmpeg's message names the file by its path on this server, which clients never see
            log.info("FFmpeg cannot read upload {}: {}", file, e.getMessage());
            throw new NotAudioException("FFmpeg cannot read it as audio");
        }
    }
}
