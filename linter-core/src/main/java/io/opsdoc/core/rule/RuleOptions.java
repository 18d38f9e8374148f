package io.opsdoc.core.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Option values for one rule: user configuration over the defaults the rule declares, read
 * through the rule's typed {@link OptionSpec}s.
 */
public final class RuleOptions {
    /** Prefix of the option that extends (instead of replacing) a list option. */
    public static final String EXTRA_PREFIX = "extra-";

    private final Map<String, Object> values;
    private final List<OptionSpec<?>> specs;

    public RuleOptions(List<OptionSpec<?>> specs, Map<String, Object> values) {
        this.specs = List.copyOf(specs);
        this.values = Map.copyOf(values);
    }

    public static RuleOptions defaults(RuleMeta meta) {
        return new RuleOptions(meta.options(), Map.of());
    }

    /** The configured values as written (for printing the effective configuration). */
    public Map<String, Object> values() {
        return values;
    }

    /**
     * The value of {@code spec}: the configured one, else its default. A list option also gets
     * the values of {@code extra-NAME} unless the rule declares {@code extra-NAME} as an option of
     * its own. A configured value the spec rejects (configuration validation reports those before
     * any rule runs) falls back to the default, so a rule never sees a value of the wrong type.
     *
     * @throws IllegalArgumentException when the rule did not declare {@code spec}: a rule may only
     *     read its own options
     */
    public <T> T get(OptionSpec<T> spec) {
        OptionSpec<?> declared = declared(spec.name())
                .orElseThrow(() -> new IllegalArgumentException("option " + spec.name() + " is not declared by the rule"));
        if (!declared.type().equals(spec.type())) {
            throw new IllegalArgumentException("option " + spec.name() + " is declared as " + declared.type());
        }
        T value = configured(spec).orElse(spec.defaultValue());
        if (spec.type() == OptionType.STRING_LIST && declared(EXTRA_PREFIX + spec.name()).isEmpty()) {
            Optional<List<String>> extra = Optional.ofNullable(values.get(EXTRA_PREFIX + spec.name()))
                    .flatMap(OptionType.STRING_LIST::convert);
            if (extra.isPresent()) {
                List<String> merged = new ArrayList<>(value == null ? List.of() : asStrings(value));
                merged.addAll(extra.get());
                @SuppressWarnings("unchecked")
                T result = (T) List.copyOf(merged);
                return result;
            }
        }
        return value;
    }

    /** True when configuration sets {@code spec} (to a usable value). */
    public boolean isSet(OptionSpec<?> spec) {
        return configured(spec).isPresent();
    }

    private <T> Optional<T> configured(OptionSpec<T> spec) {
        if (!values.containsKey(spec.name())) {
            return Optional.empty();
        }
        OptionSpec.Checked<T> checked = spec.check(values.get(spec.name()));
        return checked.ok() ? Optional.of(checked.value()) : Optional.empty();
    }

    private Optional<OptionSpec<?>> declared(String name) {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static List<String> asStrings(Object list) {
        List<String> result = new ArrayList<>();
        ((List<?>) list).forEach(item -> result.add(String.valueOf(item)));
        return result;
    }
}
