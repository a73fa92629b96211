package gsvtrainer.audio;

import gsvtrainer.files.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /**
     * One clip written, with the level measures of its audio before normalisation; {@code split}: a
     * part of a clip over the maximum length.
     */
    record Clip(String file, long start, long end, ClipStats stats, boolean split) {
    }

    /**
     * What slicing one source produced; {@code silentDropped} counts all-zero clips left unwritten. It
     * names the params and the source's size and modification time it was made from: a re-run
     * skips the source only while all of them are the same.
     */
    record Manifest(String source, double seconds, List<Clip> clips, int silentDropped, SliceAudioParams params,
            long sourceBytes, long sourceModifiedMillis) {

        boolean madeFrom(SliceAudioParams current, long bytes, long modifiedMillis) {
            return current.equals(params) && bytes == sourceBytes && modifiedMillis == sourceModifiedMillis;
        }
    }

    private final SliceAudioParams params;
    private final Path outDir;
    private final Path scratchDir;
    private final int threads;

    SourceSlicer(SliceAudioParams params, Path outDir, Path scratchDir, int threads) {
        this.params = params;
        this.outDir = outDir;
        this.scratchDir = scratchDir;
        this.threads = Math.max(1, threads);
    }

    /** Slices {@code source}; {@code progress} receives seconds of source audio as they are done. */
    Manifest slice(Path source, boolean force, DoubleConsumer progress) throws Exception {
        String base = AudioFiles.baseName(source);
        Path manifestFile = outDir.resolve(MANIFESTS).resolve(base + ".json");
        long sourceBytes = Files.size(source);
        long sourceModified = Files.getLastModifiedTime(source).toMillis();
        Manifest earlier = force ? null : JsonFiles.read(manifestFile, Manifest.class).orElse(null);
        if (earlier != null && earlier.madeFrom(params, sourceBytes, sourceModified)) {
            progress.accept(earlier.seconds());
            return earlier;
        }
        // the manifest goes first: a run that stops half-way leaves the source to be sliced again
        Files.deleteIfExists(manifestFile);
        deleteClipsOf(base);
        double sourceSeconds;
        try (WavReader reader = new WavReader(source)) {
            sourceSeconds = reader.seconds();
        }
        Path input = at32k(source, base);
        try (WavReader audio = new WavReader(input)) {
            List<ClipSpan> spans = spans(input, audio);
            List<Clip> clips = new ArrayList<>();
            int silent = 0;
            double done = 0;
            List<Clip> written;
            try {
                written = writeClips(base, audio, spans, progress);
            } catch (Exception e) {
                deleteClipsOf(base); // no clips of a source that failed, for later steps to read
                throw e;
            }
            for (Clip clip : written) {
                if (clip == null) {
                    silent++;
                } else {
                    clips.add(clip);
                }
            }
            for (ClipSpan span : spans) {
                done += seconds(span, audio);
            }
            progress.accept(Math.max(0, sourceSeconds - done));
            Manifest manifest = new Manifest(source.getFileName().toString(), sourceSeconds, clips, silent, params,
                    sourceBytes, sourceModified);
            JsonFiles.write(manifestFile, manifest);
            return manifest;
        } finally {
            if (!input.equals(source)) {
                Files.deleteIfExists(input);
                Files.deleteIfExists(SquareSumsFile.beside(input));
            }
        }
    }

    /**
     * The clips' spans, cut on the block energies {@code convert_audio} kept of the samples before they
     * were rounded to 16 bits where they exist, else on the WAV's own samples.
     */
    private List<ClipSpan> spans(Path input, WavReader audio) throws Exception {
        Slicer slicer = new Slicer(params, SAMPLE_RATE);
        Optional<SquareSumsFile> energy = SquareSumsFile.open(SquareSumsFile.beside(input), input, audio.samples(),
                SAMPLE_RATE);
        if (energy.isEmpty()) {
            return slicer.slice(audio);
        }
        try (SquareSumsFile sums = energy.get()) {
            return slicer.accepts(sums) ? slicer.slice(sums) : slicer.slice(audio);
        }
    }

    /** Writes the clips on the slicer's threads; a silent clip is left unwritten and listed as null. */
    private List<Clip> writeClips(String base, WavReader audio, List<ClipSpan> spans, DoubleConsumer progress)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Clip>> futures = new ArrayList<>();
            for (ClipSpan span : spans) {
                futures.add(pool.submit(() -> {
                    Clip clip = writeClip(base, audio, span);
                    progress.accept(seconds(span, audio));
                    return clip;
                }));
            }
            List<Clip> clips = new ArrayList<>();
            for (Future<Clip> future : futures) {
                clips.add(future.get());
            }
            return clips;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The span's length in the file, which the last span may overrun by part of a hop. */
    private static double seconds(ClipSpan span, WavReader audio) {
        return (Math.min(span.end(), audio.samples()) - span.start()) / (double) SAMPLE_RATE;
    }

    private Clip writeClip(String base, WavReader audio, ClipSpan span) throws Exception {
        int length = (int) (Math.min(span.end(), audio.samples()) - span.start());
        short[] samples = audio.readPcm(span.start(), length);
        ClipStats stats = ClipStats.ofPcm(samples, length, SAMPLE_RATE);
        if (!new ClipNormaliser(params.normMax(), params.alpha()).normalise(samples, length)) {
            return null;
        }
        String name = clipName(base, span.start(), span.end());
        AudioFiles.writeWav(outDir.resolve(name), samples, length, SAMPLE_RATE);
        return new Clip(name, span.start(), span.end(), stats, span.split());
    }

    /**
     * Upstream's clip name, {@code <source>_<start:010d>_<end:010d>.wav} (sample offsets at 32 kHz),
     * built without {@link String#format}, whose parsing costs a run more than the whole name.
     */
    static String clipName(String base, long start, long end) {
        StringBuilder name = new StringBuilder(base.length() + 26).append(base);
        return padded(padded(name.append('_'), start).append('_'), end).append(".wav").toString();
    }

    private static StringBuilder padded(StringBuilder to, long value) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < 10; i++) {
            to.append('0');
        }
        return to.append(digits);
    }

    /** The source itself when it is already at 32 kHz, else a resampled copy in the scratch folder. */
    private Path at32k(Path source, String base) throws Exception {
        try (WavReader reader = new WavReader(source)) {
            if (reader.sampleRate() == SAMPLE_RATE) {
                return source;
            }
        }
        Files.createDirectories(scratchDir);
        return new AudioConverter(SAMPLE_RATE, threads, true).convert(source, scratchDir.resolve(base + ".32k.wav")).output();
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
