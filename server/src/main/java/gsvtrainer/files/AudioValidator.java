package gsvtrainer.files;

import java.nio.file.Path;

/** Checks that an uploaded file is decodable audio before it is kept. */
public interface AudioValidator {

    /** @throws NotAudioException when the file is not audio FFmpeg can decode */
    AudioCheck check(Path file) throws NotAudioException;

    /** The file is not decodable audio; the message says why. */
    final class NotAudioException extends Exception {
        public NotAudioException(String message) {
            super(message);
        }
    }
}
