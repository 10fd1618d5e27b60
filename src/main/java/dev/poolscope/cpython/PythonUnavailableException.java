package dev.poolscope.cpython;

/** No usable Python: the message is one sentence a user can act on. */
public final class PythonUnavailableException extends Exception {
    public PythonUnavailableException(String message) {
        super(message, null, false, false);
    }
}
