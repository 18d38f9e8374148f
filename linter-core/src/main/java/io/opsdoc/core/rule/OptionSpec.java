package io.opsdoc.core.rule;

/**
 * A rule option users can set in configuration.
 *
 * @param type one of {@code string}, {@code integer}, {@code boolean}, {@code string-list}, {@code map}
 */
public record OptionSpec(String name, String type, Object defaultValue, String description) {
}
