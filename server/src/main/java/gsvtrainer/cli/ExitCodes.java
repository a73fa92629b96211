package gsvtrainer.cli;

/** Exit codes of the client commands. */
final class ExitCodes {

    static final int OK = 0;
    static final int TASK_FAILED = 1;
    static final int USAGE = 2;
    static final int SERVER_ERROR = 3;

    private ExitCodes() {
    }
}
