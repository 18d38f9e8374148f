package io.opsdoc.core.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Where a run spent its time, in nanoseconds. Per-file phases (reading, Markdown parsing, embedded
 * parsing, document rules) are summed over worker threads, so with several workers they can add
 * up to more than {@link #wall()}. {@link #rules()} holds the time per rule id (document and set
 * rules, summed over files), for finding the expensive ones. {@link #chars()} is the size of
 * the text checked (UTF-16 units), which a result need not hold any more.
 */
public record Timings(long discovery, long reading, long markdown, long embedded, long documentRules, long setRules,
        long wall, Map<String, Long> rules, long chars) {

    public Timings {
        rules = Map.copyOf(rules);
    }

    /** Without the size of the text checked. */
    public Timings(long discovery, long reading, long markdown, long embedded, long documentRules, long setRules,
            long wall, Map<String, Long> rules) {
        this(discovery, reading, markdown, embedded, documentRules, setRules, wall, rules, 0);
    }

    /** Phases only, without embedded parsing or per-rule figures (tests, merged reports). */
    public Timings(long discovery, long reading, long markdown, long documentRules, long setRules, long wall) {
        this(discovery, reading, markdown, 0, documentRules, setRules, wall, Map.of());
    }

    /** The {@code limit} most expensive rules, slowest first (ties by id, for stable output). */
    public List<Map.Entry<String, Long>> slowestRules(int limit) {
        return rules.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .toList();
    }
}
