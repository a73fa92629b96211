package gsvtrainer.client;

/** Told how many bytes of an upload or download have moved so far; {@code total} is -1 when unknown. */
@FunctionalInterface
public interface TransferListener {

    TransferListener NONE = (done, total) -> { };

    void onProgress(long done, long total);
}
