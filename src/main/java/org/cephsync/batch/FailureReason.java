package org.cephsync.batch;

/** The most telling message of a failure, for a stage's or a run's error. */
final class FailureReason {

    private FailureReason() {
    }

    /**
     * The outermost message of our own exceptions (they name what was asked of whom and include the cause),
     * else the deepest message there is, else the class of the failure.
     */
    static String of(Throwable failure) {
        String deepest = failure.getClass().getSimpleName();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            boolean said = t.getMessage() != null && !t.getMessage().isBlank();
            if (said && t.getClass().getName().startsWith("org.cephsync.")) {
                return t.getMessage();
            }
            if (said) {
                deepest = t.getMessage();
            }
        }
        return deepest;
    }
}
