package gsvtrainer.client;

/** A file in a task's workspace, by its path relative to the workspace. */
public record WorkspaceFile(String path, Long size) {
}
