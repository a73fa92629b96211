package gsvtrainer.upstream;

import gsvtrainer.pipeline.StepFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;

/** The reference clip of a voice: upstream's inference wants 3-10 s of audio with its transcript. */
record ReferenceClip(Path audio, String text, String language) {

    static final double MIN_SECONDS = 3;
    static final double MAX_SECONDS = 10;

    /** The dataset clip of 3-10 s closest to 6 s. */
    static ReferenceClip pick(DatasetInput input) throws StepFailure {
        return input.clips().stream()
                .filter(c -> seconds(input.audioOf(c)).filter(s -> s >= MIN_SECONDS && s <= MAX_SECONDS).isPresent())
                .min(Comparator.comparingDouble(c -> Math.abs(seconds(input.audioOf(c)).orElse(0.0) - 6)))
                .map(c -> new ReferenceClip(input.audioOf(c), c.text(), Languages.forUpstream(c.language())))
                .orElseThrow(() -> new StepFailure("no_reference_clip",
                        "no clip of the dataset lasts 3-10 s; give ref_audio, ref_text and ref_language"));
    }

    static Optional<Double> seconds(Path wav) {
        try {
            if (!Files.isRegularFile(wav)) {
                return Optional.empty();
            }
            AudioFileFormat format = AudioSystem.getAudioFileFormat(wav.toFile());
            return Optional.of(format.getFrameLength() / (double) format.getFormat().getFrameRate());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
