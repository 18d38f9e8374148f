package io.opsdoc.core.engine;

import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The rules available to a run, sorted by id. */
public final class RuleRegistry {
    private final Map<String, Rule> rules;

    public RuleRegistry(List<Rule> rules) {
        // Ids are read once: some rules build their metadata on each meta() call.
        Map<String, Rule> byId = new java.util.TreeMap<>();
        for (Rule rule : rules) {
            String id = rule.id();
            if (byId.putIfAbsent(id, rule) != null) {
                throw new IllegalStateException("duplicate rule id " + id);
            }
        }
        this.rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    /** Every rule of every {@link RuleProvider} on the class path. */
    public static RuleRegistry load() {
        List<Rule> all = new ArrayList<>();
        for (RuleProvider provider : ServiceLoader.load(RuleProvider.class, RuleRegistry.class.getClassLoader())) {
            all.addAll(provider.rules());
        }
        return new RuleRegistry(all);
    }

    public RuleRegistry with(List<Rule> extra) {
        List<Rule> all = new ArrayList<>(rules.values());
        all.addAll(extra);
        return new RuleRegistry(all);
    }

    public List<Rule> all() {
        return List.copyOf(rules.values());
    }

    public Optional<Rule> get(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    public java.util.Set<String> ids() {
        return rules.keySet();
    }
}
