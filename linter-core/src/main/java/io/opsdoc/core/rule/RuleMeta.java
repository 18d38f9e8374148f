package io.opsdoc.core.rule;

import io.opsdoc.core.Level;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What users and reports learn about a rule: the one static description of it that the engine,
 * configuration validation, {@code opsdoc explain}, the reports and the generated rule pages read.
 *
 * @param id stable slug {@code family/name}; a public contract, never renamed
 * @param help long Markdown text: why it matters and a "How to fix" paragraph with a corrected example
 * @param tags free tags; {@code security} marks security rules
 * @param fixable whether the rule may attach fixes that {@code opsdoc fix} applies (the engine drops
 *     such a fix from a rule that is not fixable)
 * @param suggests whether the rule may attach suggestions ({@link Fix#suggestion()}: corrections
 *     reports offer but {@code opsdoc fix} never applies); the engine drops them from other rules
 * @param options the options users can set, typed
 * @param securitySeverity CVSS-like score "0.0".."10.0" for security rules, null otherwise
 * @param messages every kind of finding the rule reports, each with a stable id; a report names one
 * @param appliesTo the documents (or planning sets) the engine runs the rule on
 */
public record RuleMeta(
        String id,
        Level defaultLevel,
        String description,
        String help,
        List<String> tags,
        boolean fixable,
        boolean suggests,
        List<OptionSpec<?>> options,
        String securitySeverity,
        List<Message> messages,
        AppliesTo appliesTo) {

    public RuleMeta {
        tags = List.copyOf(tags);
        options = List.copyOf(options);
        messages = List.copyOf(messages);
        Set<String> seen = new HashSet<>();
        for (OptionSpec<?> option : options) {
            if (!seen.add(option.name())) {
                throw new IllegalArgumentException(id + " declares option " + option.name() + " twice");
            }
        }
        seen.clear();
        for (Message message : messages) {
            if (!seen.add(message.id())) {
                throw new IllegalArgumentException(id + " declares message " + message.id() + " twice");
            }
        }
    }

    public static RuleMeta of(String id, Level level, String description, String help, List<String> tags) {
        return new RuleMeta(id, level, description, help, tags, false, false, List.of(), null, List.of(), AppliesTo.any());
    }

    public RuleMeta asFixable() {
        return new RuleMeta(id, defaultLevel, description, help, tags, true, suggests, options, securitySeverity, messages, appliesTo);
    }

    public RuleMeta asSuggesting() {
        return new RuleMeta(id, defaultLevel, description, help, tags, fixable, true, options, securitySeverity, messages,
                appliesTo);
    }

    public RuleMeta withOptions(OptionSpec<?>... specs) {
        return withOptions(List.of(specs));
    }

    public RuleMeta withOptions(List<? extends OptionSpec<?>> specs) {
        return new RuleMeta(id, defaultLevel, description, help, tags, fixable, suggests, List.copyOf(specs), securitySeverity,
                messages, appliesTo);
    }

    public RuleMeta withSecuritySeverity(String severity) {
        return new RuleMeta(id, defaultLevel, description, help, tags, fixable, suggests, options, severity, messages, appliesTo);
    }

    public RuleMeta withMessages(Message... declared) {
        return new RuleMeta(id, defaultLevel, description, help, tags, fixable, suggests, options, securitySeverity,
                List.of(declared), appliesTo);
    }

    public RuleMeta appliesTo(AppliesTo scope) {
        return new RuleMeta(id, defaultLevel, description, help, tags, fixable, suggests, options, securitySeverity, messages, scope);
    }

    /** Shorthand for {@code appliesTo(AppliesTo.types(typeIds))}. */
    public RuleMeta appliesTo(String... typeIds) {
        return appliesTo(AppliesTo.types(typeIds));
    }

    public Optional<Message> message(String messageId) {
        return messages.stream().filter(m -> m.id().equals(messageId)).findFirst();
    }

    public String family() {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }
}
