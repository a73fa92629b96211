package gsvtrainer.steprun;

/** Why a run failed: a machine-readable code and a message for people. */
public record RunError(String code, String message) {
}
