package io.opsdoc.core.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The value type of a rule option: its name in docs and messages, and the conversion of a
 * configuration value (as the YAML parser returns it) into the Java value rules read.
 *
 * @param <T> the Java type rules get from {@link RuleOptions#get(OptionSpec)}
 */
public final class OptionType<T> {
    public static final OptionType<String> STRING = new OptionType<>("string", "a text value",
            v -> v instanceof Map || v instanceof Collection ? null : String.valueOf(v));
    public static final OptionType<Integer> INTEGER = new OptionType<>("integer", "a whole number",
            v -> (v instanceof Integer || v instanceof Long) && ((Number) v).longValue() == ((Number) v).intValue()
                    ? ((Number) v).intValue() : null);
    public static final OptionType<Double> NUMBER = new OptionType<>("number", "a number",
            v -> v instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null);
    public static final OptionType<Boolean> BOOLEAN = new OptionType<>("boolean", "true or false",
            v -> v instanceof Boolean b ? b : null);
    /** A list of text values; a single scalar counts as a one-element list. */
    public static final OptionType<List<String>> STRING_LIST = new OptionType<>("string-list", "a list of text values",
            OptionType::stringList);
    public static final OptionType<Map<String, Object>> MAP = new OptionType<>("map", "a mapping", OptionType::map);

    private final String id;
    private final String expected;
    private final Function<Object, T> converter;

    private OptionType(String id, String expected, Function<Object, T> converter) {
        this.id = id;
        this.expected = expected;
        this.converter = converter;
    }

    /** The name shown in docs: {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code string-list}, {@code map}. */
    public String id() {
        return id;
    }

    /** What a value must be, for configuration errors ("a whole number"). */
    public String expected() {
        return expected;
    }

    /** The value as this type, or empty when it has another type (null never converts). */
    public Optional<T> convert(Object value) {
        return value == null ? Optional.empty() : Optional.ofNullable(converter.apply(value));
    }

    @Override
    public String toString() {
        return id;
    }

    private static List<String> stringList(Object value) {
        if (value instanceof Map) {
            return null;
        }
        if (!(value instanceof Collection<?> collection)) {
            return List.of(String.valueOf(value));
        }
        List<String> result = new ArrayList<>();
        for (Object item : collection) {
            if (item == null || item instanceof Map || item instanceof Collection) {
                return null;
            }
            result.add(String.valueOf(item));
        }
        return List.copyOf(result);
    }

    private static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return java.util.Collections.unmodifiableMap(result);
    }
}
