package gsvtrainer.audio;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.javacv.Frame;

/**
 * Decodes any audio FFmpeg reads and writes it as mono 16-bit WAV at a target rate. FFmpeg does the
 * down-mix and resampling; frames stream straight to the file (written beside the target, then moved
 * into place), so memory does not grow with the file's length.
 */
public final class AudioConverter {

    /** Less decoded audio than this counts as "decodes to nothing". */
    static final double MIN_SECONDS = 0.1;

    /** Decoded audio shorter than the declared duration by more than this is truncated. */
    static double truncationTolerance(double declaredSeconds) {
        return Math.max(0.25, 0.05 * declaredSeconds);
    }

    /** Decoded audio longer than the declared duration by at most this is encoder padding (AAC). */
    static final double MAX_PADDING_SECONDS = 0.3;

    private final int sampleRate;

    public AudioConverter(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    /** Float samples to 16-bit PCM, clipped at full scale. */
    static ShortBuffer toPcm16(FloatBuffer samples) {
        ShortBuffer pcm = ShortBuffer.allocate(samples.remaining());
        for (int i = samples.position(); i < samples.limit(); i++) {
            float value = samples.get(i) * 32767f;
            pcm.put((short) Math.max(-32768, Math.min(32767, Math.round(value))));
        }
        return pcm.flip();
    }

    public ConversionResult convert(Path source, Path target) throws BadAudioException, IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            AudioInfo info;
            long samples;
            boolean exact;
            try (FfmpegInput input = FfmpegInput.open(source, sampleRate);
                    WavWriter writer = new WavWriter(temp, sampleRate, 1)) {
                for (Frame frame = input.nextSamples(); frame != null; frame = input.nextSamples()) {
                    writer.write(toPcm16((FloatBuffer) frame.samples[0]));
                }
                info = input.info();
                exact = input.hasExactDuration();
                long declared = Math.round(info.durationSeconds() * sampleRate);
                long padding = writer.samplesWritten() - declared;
                if (exact && padding > 0 && padding <= MAX_PADDING_SECONDS * sampleRate) {
                    writer.truncate(declared);
                }
                samples = writer.samplesWritten();
            }
            double decoded = (double) samples / sampleRate;
            check(source, info, exact, decoded);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AudioInfo measured = Double.isNaN(info.durationSeconds())
                    ? new AudioInfo(info.format(), info.codec(), info.sampleRate(), info.channels(), decoded)
                    : info;
            return new ConversionResult(measured, target, samples, sampleRate);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void check(Path source, AudioInfo info, boolean exact, double decoded)
            throws BadAudioException, IOException {
        if (decoded < MIN_SECONDS) {
            throw new BadAudioException(source, BadAudioException.Reason.TOO_SHORT,
                    String.format("%.3f s decoded", decoded));
        }
        double declared = info.durationSeconds();
        if (exact && declared - decoded > truncationTolerance(declared)) {
            throw new BadAudioException(source, BadAudioException.Reason.TRUNCATED,
                    String.format("%.2f s decoded of %.2f s declared", decoded, declared));
        }
        if ("wav".equals(info.format())) {
            long missing = RiffHeader.missingDataBytes(source).orElse(0);
            if (missing > 0) {
                throw new BadAudioException(source, BadAudioException.Reason.TRUNCATED,
                        "the WAV header declares " + missing + " bytes more than the file holds");
            }
        }
    }
}
