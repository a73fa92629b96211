package gsvtrainer.files;

/** Told, under the task's workspace lock, when an upload of a task has been kept. */
public interface UploadListener {

    void uploaded(String taskId);
}
