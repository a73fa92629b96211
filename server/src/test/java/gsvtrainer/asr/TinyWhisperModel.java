package gsvtrainer.asr;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Writes a tiny, randomly initialised whisper model in whisper.cpp's legacy ggml {@code .bin} format,
 * so that tests can run the real whisper.cpp (through whisper-jni) without a downloaded model: no
 * package registry carries one and the build machine has no other network. The model knows nothing
 * about speech; what a test can honestly check with it is that whisper.cpp loads the file, runs its
 * encoder and decoder over a clip, and hands back the text of the tokens it picked.
 *
 * <p>The layout follows {@code whisper_model_load} in whisper.cpp v1.7.1 (the release whisper-jni
 * 1.7.1 is named after): the magic {@code 0x67676d6c}; eleven int32 hparams; the mel filter bank (n_mel,
 * n_fft, then n_mel * n_fft float32); the vocabulary (a count, then each token as an int32 length and
 * its bytes; tokens the file leaves out, up to n_vocab, are named by the loader itself); then every
 * tensor the loader expects, each as n_dims, name length and type (int32), the dims in ggml order
 * (fastest first), the name and the data, little-endian throughout. Matrices are float16 (ftype 1),
 * biases, norms and positional embeddings float32, as the loader allocates them.
 *
 * <p>Sizes: n_vocab 51865, which makes whisper.cpp treat the model as multilingual (so a language
 * such as {@code en} is put in the prompt) and derive the special tokens from it (end of text 50257,
 * first timestamp 50364); n_audio_ctx 1500, the 3000 mel frames of a 30 s window halved by the
 * encoder's second convolution, which whisper.cpp assumes; 80 mels; a 64-wide state, 2 heads and one
 * layer each side (no size whisper.cpp names, so it reports the type as unknown); 64 text positions.
 * The file is about 7 MB, almost all of it the token embedding.
 *
 * <p>Decoding is steered, not learned: the decoder's final layer norm gets a weight of 0.01 and a
 * bias along one unit vector {@code u}, and the token embedding (tied to the output projection) gets
 * {@code 30u} added to end-of-text and {@code 20u} to the token {@code " hello"}. Whatever the audio,
 * those two logits stay within 8% of 30 and 20 and every other one near 0, so greedy decoding picks
 * {@code " hello"} first (whisper.cpp's suppress_blank, on by default, forbids end-of-text there) and
 * end-of-text next, both with log-probabilities near 0: no temperature fallback, two decoder steps a
 * clip. Without the steering this model also stops after a token or so, but on an arbitrary one.
 */
final class TinyWhisperModel {

    static final String WORD = " hello";

    static final int N_VOCAB = 51865;
    static final int N_AUDIO_CTX = 1500;
    static final int N_STATE = 64;
    static final int N_HEAD = 2;
    static final int N_LAYER = 1;
    static final int N_TEXT_CTX = 64;
    static final int N_MELS = 80;
    static final int N_FFT = 201; // 1 + 400 / 2: the bins of whisper.cpp's 400-sample FFT

    private static final int MAGIC = 0x67676d6c;
    private static final int FTYPE_F16 = 1;
    private static final int F32 = 0;
    private static final int F16 = 1;
    private static final int TOKEN_EOT = 50257; // 50256 + 1 in a multilingual vocabulary
    private static final int TOKEN_WORD = 1;    // the vocabulary below: 0 " ", 1 WORD

    private final Random random;
    private final float[] u = new float[N_STATE];

    private TinyWhisperModel(long seed) {
        this.random = new Random(seed);
        double norm = 0;
        for (int i = 0; i < N_STATE; i++) {
            u[i] = (float) random.nextGaussian();
            norm += u[i] * u[i];
        }
        for (int i = 0; i < N_STATE; i++) {
            u[i] /= (float) Math.sqrt(norm);
        }
    }

    /** Writes the model to {@code file} (same seed, same bytes) and returns it. */
    static Path write(Path file, long seed) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            new TinyWhisperModel(seed).writeTo(out);
        }
        return file;
    }

    private void writeTo(OutputStream out) throws IOException {
        ints(out, MAGIC, N_VOCAB, N_AUDIO_CTX, N_STATE, N_HEAD, N_LAYER, N_TEXT_CTX, N_STATE, N_HEAD, N_LAYER,
                N_MELS, FTYPE_F16);

        // mel filters: each mel band sums two neighbouring FFT bins (any non-negative bank will do)
        float[] filters = new float[N_MELS * N_FFT];
        for (int m = 0; m < N_MELS; m++) {
            filters[m * N_FFT + 2 * m] = 1;
            filters[m * N_FFT + 2 * m + 1] = 1;
        }
        ints(out, N_MELS, N_FFT);
        out.write(f32(filters));

        // vocabulary: " " must exist (whisper.cpp suppresses it on the first step by looking it up)
        byte[][] vocab = {" ".getBytes(StandardCharsets.UTF_8), WORD.getBytes(StandardCharsets.UTF_8)};
        ints(out, vocab.length);
        for (byte[] token : vocab) {
            ints(out, token.length);
            out.write(token);
        }

        int s = N_STATE;
        // encoder
        tensor(out, "encoder.positional_embedding", F32, gaussian(s * N_AUDIO_CTX), s, N_AUDIO_CTX);
        tensor(out, "encoder.conv1.weight", F16, gaussian(3 * N_MELS * s), 3, N_MELS, s);
        tensor(out, "encoder.conv1.bias", F32, new float[s], 1, s);
        tensor(out, "encoder.conv2.weight", F16, gaussian(3 * s * s), 3, s, s);
        tensor(out, "encoder.conv2.bias", F32, new float[s], 1, s);
        for (int i = 0; i < N_LAYER; i++) {
            String p = "encoder.blocks." + i + ".";
            attention(out, p + "attn");
            norm(out, p + "attn_ln", ones(s), new float[s]);
            mlp(out, p);
        }
        norm(out, "encoder.ln_post", ones(s), new float[s]);

        // decoder; the token embedding is not last, so a file cut inside it misses later tensors
        tensor(out, "decoder.positional_embedding", F32, gaussian(s * N_TEXT_CTX), s, N_TEXT_CTX);
        float[] embedding = gaussian(s * N_VOCAB);
        steer(embedding, TOKEN_EOT, 30);
        steer(embedding, TOKEN_WORD, 20);
        tensor(out, "decoder.token_embedding.weight", F16, embedding, s, N_VOCAB);
        for (int i = 0; i < N_LAYER; i++) {
            String p = "decoder.blocks." + i + ".";
            attention(out, p + "attn");
            norm(out, p + "attn_ln", ones(s), new float[s]);
            attention(out, p + "cross_attn");
            norm(out, p + "cross_attn_ln", ones(s), new float[s]);
            mlp(out, p);
        }
        float[] lnWeight = new float[s];
        Arrays.fill(lnWeight, 0.01f);
        norm(out, "decoder.ln", lnWeight, u.clone());
    }

    /** Adds {@code scale * u} to one token's embedding row, so that its logit is about {@code scale}. */
    private void steer(float[] embedding, int token, float scale) {
        for (int i = 0; i < N_STATE; i++) {
            embedding[token * N_STATE + i] += scale * u[i];
        }
    }

    private void attention(OutputStream out, String p) throws IOException {
        int s = N_STATE;
        tensor(out, p + ".query.weight", F16, gaussian(s * s), s, s);
        tensor(out, p + ".query.bias", F32, new float[s], s);
        tensor(out, p + ".key.weight", F16, gaussian(s * s), s, s);
        tensor(out, p + ".value.weight", F16, gaussian(s * s), s, s);
        tensor(out, p + ".value.bias", F32, new float[s], s);
        tensor(out, p + ".out.weight", F16, gaussian(s * s), s, s);
        tensor(out, p + ".out.bias", F32, new float[s], s);
    }

    private void mlp(OutputStream out, String p) throws IOException {
        int s = N_STATE;
        norm(out, p + "mlp_ln", ones(s), new float[s]);
        tensor(out, p + "mlp.0.weight", F16, gaussian(s * 4 * s), s, 4 * s);
        tensor(out, p + "mlp.0.bias", F32, new float[4 * s], 4 * s);
        tensor(out, p + "mlp.2.weight", F16, gaussian(4 * s * s), 4 * s, s);
        tensor(out, p + "mlp.2.bias", F32, new float[s], s);
    }

    private static void norm(OutputStream out, String p, float[] weight, float[] bias) throws IOException {
        tensor(out, p + ".weight", F32, weight, weight.length);
        tensor(out, p + ".bias", F32, bias, bias.length);
    }

    private static void tensor(OutputStream out, String name, int type, float[] data, int... dims) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        ints(out, dims.length, nameBytes.length, type);
        ints(out, dims);
        out.write(nameBytes);
        out.write(type == F16 ? f16(data) : f32(data));
    }

    /** Small normal weights, as a freshly initialised network has. */
    private float[] gaussian(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextGaussian() * 0.02);
        }
        return values;
    }

    private static float[] ones(int n) {
        float[] values = new float[n];
        Arrays.fill(values, 1f);
        return values;
    }

    private static void ints(OutputStream out, int... values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            buffer.putInt(v);
        }
        out.write(buffer.array());
    }

    private static byte[] f32(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return buffer.array();
    }

    private static byte[] f16(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putShort(half(v));
        }
        return buffer.array();
    }

    /**
     * IEEE half precision of a float in the range these weights use (Java 17 has no
     * {@code Float.floatToFloat16}): rounded to nearest, values below the smallest normal half
     * flushed to a signed zero.
     */
    static short half(float value) {
        int bits = Float.floatToIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = ((bits >>> 23) & 0xff) - 127 + 15;
        int mantissa = bits & 0x7fffff;
        if (exponent <= 0) {
            return (short) sign;
        }
        if (exponent >= 31) {
            throw new IllegalArgumentException(value + " is outside the half-precision range");
        }
        int half = sign | (exponent << 10) | (mantissa >>> 13);
        if ((mantissa & 0x1000) != 0) {
            half++; // a carry into the exponent is the correct rounding
        }
        return (short) half;
    }
}
