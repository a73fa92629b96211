package gsvtrainer.audio;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Decodes any audio FFmpeg reads and writes it as mono 16-bit WAV at a target rate, with the samples
 * of upstream's {@code load_audio} ({@code ffmpeg -ac 1 -ar RATE -f f32le}) rounded to 16 bits: the
 * same down-mix and filter, applied in the other order (mixed first, so that only one channel is
 * filtered), which moves a sample by float rounding only.
 * Decoding and mixing down run on their own threads, several segments of one file at a time where the
 * codec allows it, while the calling thread resamples and writes; the samples stream to the file a
 * segment at a time (written beside the target, then moved into place), so memory does not grow with
 * the file's length.
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
    private final int threads;
    private final boolean keepEnergy;

    public AudioConverter(int sampleRate) {
        this(sampleRate, 1, false);
    }

    /**
     * @param threads decoding threads for one file
     * @param keepEnergy also keep the block energies of the samples before 16-bit rounding, for the
     *     slicer, in {@link SquareSumsFile#beside} the WAV
     */
    AudioConverter(int sampleRate, int threads, boolean keepEnergy) {
        this.sampleRate = sampleRate;
        this.threads = threads;
        this.keepEnergy = keepEnergy;
    }

    public ConversionResult convert(Path source, Path target) throws BadAudioException, IOException {
        try {
            try {
                return convert(source, target, threads);
            } catch (SegmentedDecoder.NotJoinable e) {
                return convert(source, target, 1);
            }
        } catch (SegmentedDecoder.NotJoinable e) {
            throw new IllegalStateException("one decoder has nothing to join", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while converting " + source.getFileName());
        }
    }

    private ConversionResult convert(Path source, Path target, int decoders)
            throws BadAudioException, IOException, InterruptedException, SegmentedDecoder.NotJoinable {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        Path energyTemp = keepEnergy ? Files.createTempFile(dir, "." + target.getFileName(), ".sqs.tmp") : null;
        SquareSumsFile.Writer energy = keepEnergy ? new SquareSumsFile.Writer(energyTemp, sampleRate) : null;
        try {
            AudioInfo info;
            boolean exact;
            long samples;
            try (FfmpegInput input = FfmpegInput.open(source);
                    WavWriter writer = new WavWriter(temp, sampleRate, 1);
                    MonoResampler resampler = new MonoResampler(sampleRate)) {
                info = input.info();
                exact = input.hasExactDuration();
                long stated = exact ? Math.round(info.durationSeconds() * sampleRate) : Long.MAX_VALUE;
                ConvertedSamples output = new ConvertedSamples(writer, energy, stated,
                        (int) (MAX_PADDING_SECONDS * sampleRate));
                new SegmentedDecoder(decoders).decode(input, block -> resampler.convert(block, output));
                resampler.drain(output);
                samples = output.written();
            }
            double decoded = (double) samples / sampleRate;
            check(source, info, exact, decoded);
            if (energy != null) {
                energy.finish(temp);
                energy.close();
                Files.move(energyTemp, SquareSumsFile.beside(target), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AudioInfo measured = Double.isNaN(info.durationSeconds())
                    ? new AudioInfo(info.format(), info.codec(), info.sampleRate(), info.channels(), decoded)
                    : info;
            return new ConversionResult(measured, target, samples, sampleRate);
        } finally {
            if (energy != null) {
                energy.close();
                Files.deleteIfExists(energyTemp);
            }
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
