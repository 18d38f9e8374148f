package io.opsdoc.core.rule;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A rule option users can set in configuration, typed: rules read it with
 * {@link RuleOptions#get(OptionSpec)} and get a {@code T}; configuration validation converts and
 * checks values with the same spec, so a rule never sees a value of the wrong type or out of range.
 *
 * @param requirement what {@code valid} demands, for the configuration error ("at least 1"); empty when anything of the type goes
 */
public record OptionSpec<T>(String name, OptionType<T> type, T defaultValue, String description,
        Predicate<? super T> valid, String requirement) {

    public OptionSpec {
        if (defaultValue != null && type.convert(defaultValue).isEmpty()) {
            throw new IllegalArgumentException("default of option " + name + " is not " + type.expected());
        }
        if (defaultValue != null && !valid.test(defaultValue)) {
            throw new IllegalArgumentException("default of option " + name + " is not " + requirement);
        }
    }

    public static OptionSpec<String> string(String name, String defaultValue, String description) {
        return new OptionSpec<>(name, OptionType.STRING, defaultValue, description, v -> true, "");
    }

    public static OptionSpec<Integer> integer(String name, int defaultValue, String description) {
        return new OptionSpec<>(name, OptionType.INTEGER, defaultValue, description, v -> true, "");
    }

    public static OptionSpec<Double> number(String name, double defaultValue, String description) {
        return new OptionSpec<>(name, OptionType.NUMBER, defaultValue, description, v -> true, "");
    }

    public static OptionSpec<Boolean> bool(String name, boolean defaultValue, String description) {
        return new OptionSpec<>(name, OptionType.BOOLEAN, defaultValue, description, v -> true, "");
    }

    public static OptionSpec<List<String>> stringList(String name, List<String> defaultValue, String description) {
        return new OptionSpec<>(name, OptionType.STRING_LIST, List.copyOf(defaultValue), description, v -> true, "");
    }

    public static OptionSpec<Map<String, Object>> map(String name, Map<String, Object> defaultValue, String description) {
        return new OptionSpec<>(name, OptionType.MAP, Map.copyOf(defaultValue), description, v -> true, "");
    }

    /** The same option, accepting only values that pass {@code check}; {@code requirement} says which in errors. */
    public OptionSpec<T> validatedBy(Predicate<? super T> check, String requirement) {
        return new OptionSpec<>(name, type, defaultValue, description, check, requirement);
    }

    /** The typed value of a configured {@code value}, or what it must be when unusable ("a whole number", "at least 1"). */
    public Checked<T> check(Object value) {
        Optional<T> converted = type.convert(value);
        if (converted.isEmpty()) {
            return new Checked<>(null, type.expected());
        }
        if (!valid.test(converted.get())) {
            return new Checked<>(null, requirement);
        }
        return new Checked<>(converted.get(), null);
    }

    /** A checked value: {@code value} when usable, else {@code problem} (what it must be). */
    public record Checked<T>(T value, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }
}
