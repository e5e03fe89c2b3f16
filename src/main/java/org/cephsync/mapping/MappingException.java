package org.cephsync.mapping;

/** A source payload that does not have the shape the mapping needs; the message says what and where. */
public class MappingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
