package io.opsdoc.core.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Option values for one rule: user configuration over the defaults the rule declares. */
public final class RuleOptions {
    private final Map<String, Object> values;
    private final List<OptionSpec> specs;

    public RuleOptions(List<OptionSpec> specs, Map<String, Object> values) {
        this.specs = List.copyOf(specs);
        this.values = Map.copyOf(values);
    }

    public static RuleOptions defaults(RuleMeta meta) {
        return new RuleOptions(meta.options(), Map.of());
    }

    public Map<String, Object> values() {
        return values;
    }

    public Optional<Object> raw(String name) {
        if (values.containsKey(name)) {
            return Optional.ofNullable(values.get(name));
        }
        return specs.stream().filter(s -> s.name().equals(name)).findFirst().map(OptionSpec::defaultValue);
    }

    public String string(String name, String fallback) {
        return raw(name).map(String::valueOf).orElse(fallback);
    }

    public int integer(String name, int fallback) {
        return raw(name).map(v -> v instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(v).trim()))
                .orElse(fallback);
    }

    public boolean bool(String name, boolean fallback) {
        return raw(name).map(v -> v instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(v))).orElse(fallback);
    }

    /** A list option; a single scalar counts as a one-element list. */
    public List<String> strings(String name) {
        Optional<Object> value = raw(name);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        if (value.get() instanceof Collection<?> collection) {
            collection.forEach(item -> result.add(String.valueOf(item)));
        } else {
            result.add(String.valueOf(value.get()));
        }
        return result;
    }

    /** A list option whose defaults are extended (not replaced) by {@code extra-NAME} when given. */
    public List<String> stringsWithExtra(String name) {
        List<String> result = new ArrayList<>(strings(name));
        result.addAll(strings("extra-" + name));
        return result;
    }
}
