package gsvtrainer.upstream;

import java.util.ArrayList;
import java.util.List;

/**
 * What differs between GPT-SoVITS model versions, as data: the scripts and base configs the webui
 * uses for the version, its pretrained files (relative to the checkout) and how its weights are named.
 *
 * @param s2Config        base SoVITS config, also passed to 3-get-semantic.py as {@code s2config_path}
 * @param s1Config        base GPT config
 * @param s2Trainer       SoVITS training script ({@code s2_train.py}, or the LoRA trainer for v3/v4)
 * @param pretrainedS2G   pretrained SoVITS generator
 * @param pretrainedS2D   pretrained discriminator; null for the LoRA trainer, which has none
 * @param pretrainedS1    pretrained GPT
 * @param speakerVector   speaker-verification model for 2-get-sv.py; null when the version has no speaker vectors
 * @param lora            whether SoVITS training is LoRA (weights named {@code _l<rank>})
 */
public record VersionProfile(
        String name,
        String s2Config,
        String s1Config,
        String s2Trainer,
        String pretrainedS2G,
        String pretrainedS2D,
        String pretrainedS1,
        String speakerVector,
        boolean lora) {

    public static final String BERT_DIR = "chinese-roberta-wwm-ext-large";
    public static final String HUBERT_DIR = "chinese-hubert-base";

    public boolean hasSpeakerVectors() {
        return speakerVector != null;
    }

    /** Pretrained files a step of this version reads, relative to the pretrained folder. */
    public List<String> pretrainedFor(String step) {
        List<String> files = new ArrayList<>();
        switch (step) {
            case "extract_text_features" -> files.add(BERT_DIR);
            case "extract_audio_features" -> files.add(HUBERT_DIR);
            case "extract_speaker_vectors" -> files.add(speakerVector);
            case "extract_semantic_features" -> files.add(pretrainedS2G);
            case "train_sovits" -> {
                files.add(pretrainedS2G);
                if (pretrainedS2D != null) {
                    files.add(pretrainedS2D);
                }
            }
            case "train_gpt" -> files.add(pretrainedS1);
            case "test_inference" -> {
                files.add(BERT_DIR);
                files.add(HUBERT_DIR);
                if (speakerVector != null) {
                    files.add(speakerVector);
                }
            }
            default -> {
            }
        }
        files.removeIf(f -> f == null);
        return files;
    }

    /** Every pretrained file of the version (what {@code doctor} checks). */
    public List<String> allPretrained() {
        List<String> files = new ArrayList<>(List.of(BERT_DIR, HUBERT_DIR, pretrainedS2G, pretrainedS1));
        if (pretrainedS2D != null) {
            files.add(pretrainedS2D);
        }
        if (speakerVector != null) {
            files.add(speakerVector);
        }
        return files;
    }

    /** The upstream script a step runs, relative to the checkout; null for a step that runs none. */
    public String scriptFor(String step) {
        return switch (step) {
            case "extract_text_features" -> "GPT_SoVITS/prepare_datasets/1-get-text.py";
            case "extract_audio_features" -> "GPT_SoVITS/prepare_datasets/2-get-hubert-wav32k.py";
            case "extract_speaker_vectors" -> "GPT_SoVITS/prepare_datasets/2-get-sv.py";
            case "extract_semantic_features" -> "GPT_SoVITS/prepare_datasets/3-get-semantic.py";
            case "train_sovits" -> s2Trainer;
            case "train_gpt" -> "GPT_SoVITS/s1_train.py";
            case "test_inference" -> "GPT_SoVITS/TTS_infer_pack/TTS.py";
            default -> null;
        };
    }
}
