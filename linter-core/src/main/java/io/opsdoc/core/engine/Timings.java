package io.opsdoc.core.engine;

/** Where a run spent its time (nanoseconds; per-file phases are summed over worker threads). */
public record Timings(long discovery, long reading, long markdown, long documentRules, long setRules, long wall) {
}
