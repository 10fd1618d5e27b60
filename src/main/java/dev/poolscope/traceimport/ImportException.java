package dev.poolscope.traceimport;

/** Why a file cannot be imported, in words for the line "FILE: reason". */
final class ImportException extends Exception {
    ImportException(String message) {
        super(message, null, false, false);
    }
}
