package org.cephsync.store;

/**
 * Error texts as runs and stages keep them: whole up to {@link #LIMIT} characters, cut beyond with a marker
 * saying how much was cut, so recording the error of a run with many failing endpoints never fails.
 */
public final class ErrorText {

    public static final int LIMIT = 16_000;

    private ErrorText() {
    }

    public static String limit(String text) {
        if (text == null || text.length() <= LIMIT) {
            return text;
        }
        String marker = " [... " + (text.length() - LIMIT) + " more characters cut]";
        return text.substring(0, LIMIT - marker.length()) + marker;
    }
}
