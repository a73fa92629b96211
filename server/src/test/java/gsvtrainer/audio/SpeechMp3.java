package gsvtrainer.audio;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MP3;

import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/** Encodes the English fixtures, looped with pauses, as a 44.1 kHz stereo mp3 (FFmpeg's LAME, through JavaCV). */
final class SpeechMp3 {

    private static final int RATE = 44100;

    private SpeechMp3() {
    }

    static Path write(Path file, double seconds) throws Exception {
        float[][] sentences = {Fixtures.wav("en_1.wav").samples(), Fixtures.wav("en_2.wav").samples(),
                Fixtures.wav("en_3.wav").samples()};
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 2)) {
            recorder.setAudioCodec(AV_CODEC_ID_MP3);
            recorder.setSampleRate(RATE);
            recorder.setAudioBitrate(128_000);
            recorder.start();
            long written = 0;
            for (int i = 0; written < seconds * RATE; i++) {
                float[] sentence = sentences[i % 3];
                int pause = RATE * (150 + 400 * (i % 4)) / 1000;
                short[] stereo = new short[2 * (sentence.length + pause)];
                for (int s = 0; s < sentence.length; s++) {
                    stereo[2 * s] = (short) (sentence[s] * 32767);
                    stereo[2 * s + 1] = (short) (sentence[s] * 0.7f * 32767);
                }
                recorder.recordSamples(RATE, 2, ShortBuffer.wrap(stereo));
                written += sentence.length + pause;
            }
            recorder.stop();
        }
        return file;
    }
}
