package io.opsdoc.core.engine;

/** A message about a file opsdoc could not (fully) check: skipped, unreadable, or a rule that failed on it. */
public record Notice(String file, Kind kind, String message) {
    public enum Kind { SKIPPED, ERROR }
}
