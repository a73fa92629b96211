package gsvtrainer.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Small WAV files made in memory: a tone with pauses, enough for FFmpeg to decode. */
public final class TestAudio {

    private TestAudio() {
    }

    /** A 16-bit mono WAV of {@code seconds} at {@code rate}: 440 Hz bursts separated by silence. */
    public static byte[] toneWav(double seconds, int rate) {
        int samples = (int) (seconds * rate);
        ByteBuffer data = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            double t = (double) i / rate;
            boolean on = ((int) (t * 2)) % 2 == 0;
            data.putShort((short) (on ? 8000 * Math.sin(2 * Math.PI * 440 * t) : 0));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        header.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
                .putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        header.put("data".getBytes()).putInt(samples * 2);
        out.writeBytes(header.array());
        out.writeBytes(data.array());
        return out.toByteArray();
    }
}
