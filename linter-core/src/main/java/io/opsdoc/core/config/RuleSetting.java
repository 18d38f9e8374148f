package io.opsdoc.core.config;

import io.opsdoc.core.Level;
import java.util.Map;
import java.util.Optional;

/** A rule's configured state: off, or a level override, plus option values. */
public record RuleSetting(boolean off, Optional<Level> level, Map<String, Object> options) {
    public RuleSetting {
        options = Map.copyOf(options);
    }

    public static RuleSetting disabled() {
        return new RuleSetting(true, Optional.empty(), Map.of());
    }

    public static RuleSetting level(Level level) {
        return new RuleSetting(false, Optional.of(level), Map.of());
    }

    /** {@code override} on top of this: its level/off state wins, options are merged. */
    public RuleSetting merge(RuleSetting override) {
        var merged = new java.util.HashMap<>(options);
        merged.putAll(override.options());
        boolean newOff = override.off() || (override.level().isEmpty() && off);
        Optional<Level> newLevel = override.level().isPresent() ? override.level() : level;
        if (override.level().isPresent()) {
            newOff = false;
        }
        return new RuleSetting(newOff, newLevel, merged);
    }
}
