package io.opsdoc.cli;

import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.rule.Rule;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opsdoc rules}: the rule catalogue. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List every rule: id, default level, whether it can be fixed, and what it finds.")
public final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var rules = RuleRegistry.load().all();
        int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(10);
        out.printf("%-" + width + "s  %-7s  %-7s  %s%n", "RULE", "LEVEL", "FIXABLE", "DESCRIPTION");
        for (Rule rule : rules) {
            out.printf("%-" + width + "s  %-7s  %-7s  %s%n", rule.id(), rule.meta().defaultLevel().id(),
                    rule.meta().fixable() ? "yes" : "", rule.meta().description());
        }
        out.printf("%n%d rules. Details: opsdoc explain RULE-ID%n", rules.size());
        return ExitCodes.OK;
    }
}
