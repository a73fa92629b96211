package gsvtrainer.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Slices one converted file into normalised 32 kHz clips named as upstream names them,
 * {@code <source>_<start:010d>_<end:010d>.wav} (positions in samples at 32 kHz). A manifest written
 * after the last clip marks the source done, so a re-run skips it unless forced.
 */
final class SourceSlicer {

    static final int SAMPLE_RATE = 32000;
    static final String MANIFESTS = "_sources";

    /** One clip written, with the level measures of its audio before normalisation. */
    record Clip(String file, long start, long end, ClipStats stats) {
    }

    /** What slicing one source produced; {@code silentDropped} counts all-zero clips left unwritten. */
    record Manifest(String source, double seconds, List<Clip> clips, int silentDropped) {
    }

    private final SliceAudioParams params;
    private final Path outDir;
    private final Path scratchDir;

    SourceSlicer(SliceAudioParams params, Path outDir, Path scratchDir) {
        this.params = params;
        this.outDir = outDir;
        this.scratchDir = scratchDir;
    }

    /** Slices {@code source}; {@code progress} receives seconds of source audio as they are done. */
    Manifest slice(Path source, boolean force, DoubleConsumer progress) throws Exception {
        String base = AudioFiles.baseName(source);
        Path manifestFile = outDir.resolve(MANIFESTS).resolve(base + ".json");
        if (!force && Files.exists(manifestFile)) {
            Manifest done = AudioFiles.JSON.readValue(manifestFile.toFile(), Manifest.class);
            progress.accept(done.seconds());
            return done;
        }
        deleteClipsOf(base);
        double sourceSeconds;
        try (WavReader reader = new WavReader(source)) {
            sourceSeconds = reader.seconds();
        }
        Path input = at32k(source, base);
        try (WavReader audio = new WavReader(input)) {
            ClipNormaliser normaliser = new ClipNormaliser(params.normMax(), params.alpha());
            List<Clip> clips = new ArrayList<>();
            int silent = 0;
            double reported = 0;
            for (ClipSpan span : new Slicer(params, SAMPLE_RATE).slice(audio)) {
                float[] samples = audio.read(span.start(), (int) (Math.min(span.end(), audio.samples()) - span.start()));
                ClipStats stats = ClipStats.of(new MonoAudio(samples.clone(), SAMPLE_RATE));
                if (normaliser.normalise(samples)) {
                    String name = String.format("%s_%010d_%010d.wav", base, span.start(), span.end());
                    AudioFiles.writeWav(outDir.resolve(name), samples, SAMPLE_RATE);
                    clips.add(new Clip(name, span.start(), span.end(), stats));
                } else {
                    silent++;
                }
                double at = Math.min(sourceSeconds, Math.min(span.end(), audio.samples()) / (double) SAMPLE_RATE);
                progress.accept(at - reported);
                reported = at;
            }
            progress.accept(sourceSeconds - reported);
            Manifest manifest = new Manifest(source.getFileName().toString(), sourceSeconds, clips, silent);
            AudioFiles.writeJson(manifestFile, manifest);
            return manifest;
        } finally {
            if (!input.equals(source)) {
                Files.deleteIfExists(input);
            }
        }
    }

    /** The source itself when it is already at 32 kHz, else a resampled copy in the scratch folder. */
    private Path at32k(Path source, String base) throws Exception {
        try (WavReader reader = new WavReader(source)) {
            if (reader.sampleRate() == SAMPLE_RATE) {
                return source;
            }
        }
        Files.createDirectories(scratchDir);
        return new AudioConverter(SAMPLE_RATE).convert(source, scratchDir.resolve(base + ".32k.wav")).output();
    }

    private void deleteClipsOf(String base) throws IOException {
        Pattern clip = Pattern.compile(Pattern.quote(base) + "_\\d{10}_\\d{10}\\.wav");
        try (Stream<Path> files = Files.list(outDir)) {
            for (Path file : files.filter(f -> clip.matcher(f.getFileName().toString()).matches()).toList()) {
                Files.delete(file);
            }
        }
    }
}
