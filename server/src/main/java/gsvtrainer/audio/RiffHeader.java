package gsvtrainer.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * Reads the data chunk length a WAV header declares. FFmpeg silently clamps a length larger than the
 * file, so a WAV cut short in transfer would otherwise pass as a shorter, complete recording.
 */
final class RiffHeader {

    private static final int MAX_CHUNKS = 64;

    private RiffHeader() {
    }

    /**
     * Bytes missing at the end of the file according to its data chunk, or empty when the header is
     * unreadable or declares an unknown length (0 or 0xFFFFFFFF, as streaming recorders write).
     */
    static OptionalLong missingDataBytes(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            if (channel.read(head, 0) < 12 || !"RIFF".equals(ascii(head, 0)) || !"WAVE".equals(ascii(head, 8))) {
                return OptionalLong.empty();
            }
            long pos = 12;
            for (int i = 0; i < MAX_CHUNKS && pos + 8 <= size; i++) {
                ByteBuffer chunk = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
                channel.read(chunk, pos);
                long length = Integer.toUnsignedLong(chunk.getInt(4));
                if (ascii(chunk, 0).equals("data")) {
                    boolean unknown = length == 0 || length == 0xFFFFFFFFL;
                    return unknown ? OptionalLong.empty() : OptionalLong.of(Math.max(0, pos + 8 + length - size));
                }
                pos += 8 + length + (length & 1);
            }
            return OptionalLong.empty();
        }
    }

    private static String ascii(ByteBuffer buffer, int offset) {
        byte[] bytes = new byte[4];
        buffer.get(offset, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
