package io.opsdoc.cli;

import io.opsdoc.core.doctype.DocumentTypes;
import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.text.Suggestions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opsdoc explain ID}: a rule's help, options and how to fix. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show what a rule checks, why, how to fix its findings, and its options.")
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RULE-ID", description = "A rule id such as structure/required-section.")
    String id;

    @Override
    public Integer call() {
        RuleRegistry registry = RuleRegistry.load();
        Rule rule = registry.get(id).orElseThrow(() -> new UserException("unknown rule '" + id + "'"
                + Suggestions.closest(id, registry.ids()).map(s -> "; did you mean '" + s + "'?").orElse("")
                + " (opsdoc rules lists them all)"));
        RuleMeta meta = rule.meta();
        PrintWriter out = spec.commandLine().getOut();
        out.println(meta.id() + " (" + meta.defaultLevel().id() + (meta.fixable() ? ", fixable" : "") + ")");
        out.println();
        out.println(meta.description());
        out.println();
        out.println(meta.help().strip());
        DocumentTypeListing.forRule(meta.id(), DocumentTypes.builtIn()).ifPresent(listing -> {
            out.println();
            out.print(listing);
        });
        if (!meta.tags().isEmpty()) {
            out.println();
            out.println("Tags: " + String.join(", ", meta.tags()));
        }
        out.println();
        out.println("Applies to: " + meta.appliesTo().describe());
        if (!meta.messages().isEmpty()) {
            out.println();
            out.println("Messages (the messageId of its findings in JSON and SARIF reports):");
            for (Message message : meta.messages()) {
                out.println("  " + message.id() + ": " + message.template());
            }
        }
        if (!meta.options().isEmpty()) {
            out.println();
            out.println("Options (set under rules: " + meta.id() + ": { options: ... } in .opsdoc.yml):");
            for (OptionSpec<?> option : meta.options()) {
                out.println("  " + option.name() + " (" + option.type().id() + ", default: " + option.defaultValue()
                        + (option.requirement().isEmpty() ? "" : ", " + option.requirement()) + ")");
                out.println("      " + option.description());
            }
        }
        return ExitCodes.OK;
    }
}
