"""Writes tiny, randomly initialised stand-ins for GPT-SoVITS's pretrained models (test code only).

Run by upstream's interpreter with upstream's import path and the checkout as working dir:

    python -s make_tiny_pretrained.py --out <dir> --version v1 [--s1-overrides '{"model.n_layer": 2}']

It writes, under <dir>, the same relative layout as upstream's GPT_SoVITS/pretrained_models:
  chinese-roberta-wwm-ext-large/  a 2-layer BERT with upstream's hidden size (1024) and a character vocab
  chinese-hubert-base/            a 1-layer HuBERT with upstream's hidden size (768) and conv front end
  the version's s2G               the SoVITS generator's SSL projection and quantizer (what 3-get-semantic.py
                                  needs; s2_train.py loads with strict=False, so any decoder size trains)
  the version's s2D               the SoVITS discriminator (its shape does not depend on the config)
  the version's s1 checkpoint     GPT weights as {"weight": state_dict, "config": ...}, shaped by the base
                                  config with --s1-overrides applied (s1_train.py loads it strictly)
  sv/pretrained_eres2netv2w24s4ep4.ckpt   (Pro versions) the speaker-verification model's state dict

Architectures come from upstream's own classes and base configs (or the given overrides), so the files
load wherever upstream loads the real ones. Nothing here is downloaded; the weights are meaningless.
"""

import argparse
import json
import os
import sys

import torch

S2 = {
    "v1": ("s2G488k.pth", "s2D488k.pth", "s1bert25hz-2kh-longer-epoch=68e-step=50232.ckpt", "GPT_SoVITS/configs/s2.json"),
    "v2": ("gsv-v2final-pretrained/s2G2333k.pth", "gsv-v2final-pretrained/s2D2333k.pth",
           "gsv-v2final-pretrained/s1bert25hz-5kh-longer-epoch=12-step=369668.ckpt", "GPT_SoVITS/configs/s2.json"),
    "v2Pro": ("v2Pro/s2Gv2Pro.pth", "v2Pro/s2Dv2Pro.pth", "s1v3.ckpt", "GPT_SoVITS/configs/s2v2Pro.json"),
    "v2ProPlus": ("v2Pro/s2Gv2ProPlus.pth", "v2Pro/s2Dv2ProPlus.pth", "s1v3.ckpt", "GPT_SoVITS/configs/s2v2ProPlus.json"),
}
S1_BASE = {"v1": "GPT_SoVITS/configs/s1longer.yaml"}
SV = "sv/pretrained_eres2netv2w24s4ep4.ckpt"
# 3-get-semantic.py guesses the version from the generator's file size: under 82978 KiB reads as v1.
V1_MAX_BYTES = 82978 * 1024


def vocab_chars():
    """Special tokens, ASCII, CJK punctuation and the common CJK block: one token per character."""
    tokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tokens += [chr(c) for c in range(33, 127)]
    tokens += list("，。！？、；：“”‘’（）《》…—")
    tokens += [chr(c) for c in range(0x4E00, 0x4E00 + 4000)]
    return tokens


def write_bert(out):
    from transformers import BertConfig, BertForMaskedLM, BertTokenizer

    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "vocab.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(vocab_chars()) + "\n")
    tokenizer = BertTokenizer(os.path.join(out, "vocab.txt"), do_lower_case=False, tokenize_chinese_chars=True)
    tokenizer.save_pretrained(out)
    # 1-get-text.py takes hidden_states[-3]: at least 2 layers; models downstream expect 1024 features.
    config = BertConfig(vocab_size=len(vocab_chars()), hidden_size=1024, num_hidden_layers=2, num_attention_heads=16,
                        intermediate_size=256, max_position_embeddings=512)
    BertForMaskedLM(config).save_pretrained(out)


def write_hubert(out):
    from transformers import HubertConfig, HubertModel, Wav2Vec2FeatureExtractor

    config = HubertConfig(hidden_size=768, num_hidden_layers=1, num_attention_heads=12, intermediate_size=256)
    HubertModel(config).save_pretrained(out)
    Wav2Vec2FeatureExtractor(feature_size=1, sampling_rate=16000, padding_value=0.0, do_normalize=True,
                             return_attention_mask=False).save_pretrained(out)


def write_sovits(checkout, version, g_path, d_path, s2_config):
    import utils
    from module.models import MultiPeriodDiscriminator, SynthesizerTrn

    hps = utils.get_hparams_from_file(os.path.join(checkout, s2_config))
    hps.model.version = version
    net_g = SynthesizerTrn(hps.data.filter_length // 2 + 1, hps.train.segment_size // hps.data.hop_length,
                           n_speakers=hps.data.n_speakers, **hps.model)
    weights = {k: v for k, v in net_g.state_dict().items() if k.startswith(("ssl_proj", "quantizer"))}
    # A pretrained codebook counts as initialised; otherwise the quantizer runs k-means under DDP.
    weights.update({k: torch.ones_like(v) for k, v in weights.items() if k.endswith("_codebook.inited")})
    save(g_path, {"weight": weights, "info": "tiny random stand-in"})
    assert version != "v1" or os.path.getsize(g_path) < V1_MAX_BYTES
    if d_path:
        net_d = MultiPeriodDiscriminator(hps.model.use_spectral_norm, version=version)
        save(d_path, {"weight": net_d.state_dict(), "info": "tiny random stand-in"})


def write_gpt(checkout, version, path, overrides):
    import yaml
    from AR.models.t2s_lightning_module import Text2SemanticLightningModule

    with open(os.path.join(checkout, S1_BASE.get(version, "GPT_SoVITS/configs/s1longer-v2.yaml"))) as f:
        config = yaml.safe_load(f)
    for dotted, value in overrides.items():
        *sections, leaf = dotted.split(".")
        target = config
        for section in sections:
            target = target[section]
        target[leaf] = value
    module = Text2SemanticLightningModule(config, "/tmp", is_train=False)
    save(path, {"weight": module.state_dict(), "config": config, "info": "tiny random stand-in"})


def write_sv(checkout, path):
    sys.path.append(os.path.join(checkout, "GPT_SoVITS", "eres2net"))
    from ERes2NetV2 import ERes2NetV2

    save(path, ERes2NetV2(baseWidth=24, scale=4, expansion=4).state_dict())


def save(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    torch.save(obj, tmp)
    os.replace(tmp, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--version", default="v1", choices=sorted(S2))
    parser.add_argument("--s1-overrides", default="{}",
                        help="JSON of dotted config paths, as the train_gpt step's overrides param takes them")
    args = parser.parse_args()
    checkout = os.getcwd()
    torch.manual_seed(1234)
    g, d, s1, s2_config = S2[args.version]
    out = os.path.abspath(args.out)
    write_bert(os.path.join(out, "chinese-roberta-wwm-ext-large"))
    write_hubert(os.path.join(out, "chinese-hubert-base"))
    write_sovits(checkout, args.version, os.path.join(out, g), os.path.join(out, d), s2_config)
    write_gpt(checkout, args.version, os.path.join(out, s1), json.loads(args.s1_overrides))
    if "Pro" in args.version:
        write_sv(checkout, os.path.join(out, SV))
    print(json.dumps({"out": out, "version": args.version}))


if __name__ == "__main__":
    main()
