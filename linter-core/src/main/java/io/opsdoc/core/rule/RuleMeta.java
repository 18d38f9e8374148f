package io.opsdoc.core.rule;

import io.opsdoc.core.Level;
import java.util.List;

/**
 * What users and reports learn about a rule.
 *
 * @param id stable slug {@code family/name}; a public contract, never renamed
 * @param help long Markdown text: why it matters and a "How to fix" paragraph with a corrected example
 * @param tags free tags; {@code security} marks security rules
 * @param securitySeverity CVSS-like score "0.0".."10.0" for security rules, null otherwise
 */
public record RuleMeta(
        String id,
        Level defaultLevel,
        String description,
        String help,
        List<String> tags,
        boolean fixable,
        List<OptionSpec> options,
        String securitySeverity) {

    public RuleMeta {
        tags = List.copyOf(tags);
        options = List.copyOf(options);
    }

    public static RuleMeta of(String id, Level level, String description, String help, List<String> tags) {
        return new RuleMeta(id, level, description, help, tags, false, List.of(), null);
    }

    public RuleMeta asFixable() {
        return new RuleMeta(id, defaultLevel, description, help, tags, true, options, securitySeverity);
    }

    public RuleMeta withOptions(OptionSpec... specs) {
        return new RuleMeta(id, defaultLevel, description, help, tags, fixable, List.of(specs), securitySeverity);
    }

    public RuleMeta withSecuritySeverity(String severity) {
        return new RuleMeta(id, defaultLevel, description, help, tags, fixable, options, severity);
    }

    public String family() {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }
}
