package io.opsdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsdoc.core.engine.RuleRegistry;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;

/** The rules loaded beside the command line are the rules, and a failure to load them fails as before. */
class RulesPreloadTest {
    @Test
    void preloadedRulesAreTheBuiltInRules() {
        RuleRegistry preloaded = RulesPreload.start().get();
        assertThat(preloaded.ids()).containsExactlyElementsOf(RuleRegistry.load().ids()).contains("criteria/pipeline-stages");
    }

    @Test
    void aFailureIsRethrownAsItself() {
        IllegalStateException duplicate = new IllegalStateException("duplicate rule id x/y");
        assertThatThrownBy(() -> RulesPreload.start(() -> {
            throw duplicate;
        }).get()).isSameAs(duplicate);
        ServiceConfigurationError broken = new ServiceConfigurationError("provider not found");
        assertThatThrownBy(() -> RulesPreload.start(() -> {
            throw broken;
        }).get()).isSameAs(broken);
    }

    @Test
    void lintCommandsNamedFirstGetPreloadedRules() {
        CliRun run = CliRun.of("check", "--fail-on", "none", "no-such-file.md");
        // The check ran with the rules (the missing file is reported, not a failure to load rules).
        assertThat(run.err()).contains("no-such-file.md").doesNotContain("internal error");
        assertThat(Main.subcommand("check")).isInstanceOf(CheckCommand.class);
        assertThat(Main.subcommand("fix")).isInstanceOf(FixCommand.class);
        assertThat(Main.subcommand("baseline")).isInstanceOf(BaselineCommand.class);
    }
}
