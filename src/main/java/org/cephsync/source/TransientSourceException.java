package org.cephsync.source;

/** A failure worth trying again after a pause: a 5xx, a 429, a refused connection or a read timeout. */
public class TransientSourceException extends SourceException {

    private static final long serialVersionUID = 1L;

    public TransientSourceException(String message) {
        super(message);
    }

    public TransientSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
