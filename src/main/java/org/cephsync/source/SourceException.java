package org.cephsync.source;

/** A read from the source that failed; the message says what was asked, of whom, and what came back. */
public class SourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
