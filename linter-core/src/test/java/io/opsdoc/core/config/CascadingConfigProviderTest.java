package io.opsdoc.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsdoc.core.Level;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presets, rule entry order, cascading and option validation against a small made-up catalogue. */
class CascadingConfigProviderTest {
    private static final List<RuleMeta> RULES = List.of(
            RuleMeta.of("principles/alpha", Level.NOTE, "d", "h", List.of()),
            RuleMeta.of("principles/beta", Level.ERROR, "d", "h", List.of()),
            RuleMeta.of("markdown/gamma", Level.NOTE, "d", "h", List.of())
                    .withOptions(OptionSpec.stringList("words", List.of("a"), "words"),
                            OptionSpec.integer("limit", 3, "limit").validatedBy(n -> n >= 1, "at least 1")));

    @TempDir
    Path dir;

    private CascadingConfigProvider provider(String rootYaml) throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".opsdoc.yml"), rootYaml);
        return new CascadingConfigProvider(ConfigLoader.discover(dir, Optional.empty(), List.of(dir)), RULES);
    }

    private static Optional<Level> level(Config config, String id) {
        return config.setting(id).flatMap(RuleSetting::level);
    }

    @Test
    void strictPromotesNotesOfPrinciplesOnly() throws Exception {
        Config config = provider("extends: strict\n").configFor(dir.resolve("a.md"));
        assertThat(level(config, "principles/alpha")).contains(Level.WARNING);
        assertThat(level(config, "principles/beta")).isEmpty();
        assertThat(level(config, "markdown/gamma")).isEmpty();
    }

    @Test
    void exactIdsRefineTheirFamilyAndSubFoldersRefineParents() throws Exception {
        CascadingConfigProvider provider = provider("rules:\n  principles/beta: warning\n  principles/*: off\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/.opsdoc.yml"), "rules:\n  principles/alpha: on\n");
        Config top = provider.configFor(dir.resolve("a.md"));
        assertThat(top.setting("principles/alpha").map(RuleSetting::off)).contains(true);
        assertThat(level(top, "principles/beta")).contains(Level.WARNING);
        Config sub = provider.configFor(dir.resolve("sub/b.md"));
        assertThat(sub.setting("principles/alpha").map(RuleSetting::off).orElse(false)).isFalse();
        assertThat(sub.sources()).hasSize(2);
    }

    @Test
    void foldersUnderTheSameConfigurationFilesShareOneConfig() throws Exception {
        CascadingConfigProvider provider = provider("rules:\n  principles/beta: warning\n");
        Files.createDirectories(dir.resolve("a/deep"));
        Files.createDirectories(dir.resolve("b"));
        Files.createDirectories(dir.resolve("own"));
        Files.writeString(dir.resolve("own/.opsdoc.yml"), "rules:\n  principles/beta: note\n");
        Config top = provider.configFor(dir.resolve("x.md"));

        assertThat(provider.configFor(dir.resolve("a/deep/y.md"))).isSameAs(top);
        assertThat(provider.configFor(dir.resolve("b/z.md"))).isSameAs(top);
        Config own = provider.configFor(dir.resolve("own/w.md"));
        assertThat(own).isNotSameAs(top);
        assertThat(level(own, "principles/beta")).contains(Level.NOTE);
        assertThat(level(top, "principles/beta")).contains(Level.WARNING);
    }

    @Test
    void optionsAreValidatedAndExtraListsAccepted() throws Exception {
        Config config = provider("rules:\n  markdown/gamma:\n    options: {extra-words: [b], limit: 5}\n")
                .configFor(dir.resolve("a.md"));
        assertThat(config.setting("markdown/gamma").orElseThrow().options()).containsEntry("limit", 5);
        assertThatThrownBy(() -> provider("rules:\n  markdown/gamma:\n    options: {limit: many}\n"))
                .isInstanceOf(ConfigException.class).hasMessageEndingWith("option 'limit' of markdown/gamma must be a whole number");
        // The spec's validation runs at configuration time too, with the option's position.
        assertThatThrownBy(() -> provider("rules:\n  markdown/gamma:\n    options: {limit: 0}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining(":3:")
                .hasMessageEndingWith("option 'limit' of markdown/gamma must be at least 1");
        assertThatThrownBy(() -> provider("rules:\n  markdown/gamma:\n    options: {extra-words: {a: 1}}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("option 'extra-words' of markdown/gamma must be a list of text values");
    }

    @Test
    void ignoreGlobsAreRelativeToTheirFile() throws Exception {
        CascadingConfigProvider provider = provider("rules: {}\n");
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/.opsdoc.yml"), "ignore: [drafts/**]\n");
        Config docs = provider.configFor(dir.resolve("docs/drafts/x.md"));
        assertThat(docs.ignored(dir.resolve("docs/drafts/x.md").toString())).isTrue();
        assertThat(docs.ignored(dir.resolve("drafts/x.md").toString())).isFalse();
    }

    @Test
    void effectiveConfigurationReadBackGivesTheSameResult() throws Exception {
        CascadingConfigProvider provider = provider("""
                extends: strict
                rules:
                  markdown/gamma:
                    options: {limit: 5}
                documents:
                  plans/pipeline.md: cicd-pipeline
                ignore: ["*.draft.md"]
                """);
        Files.createDirectories(dir.resolve("docs/deep"));
        Files.writeString(dir.resolve("docs/.opsdoc.yml"), "ignore: ['*.tmp.md', '**/old/*.md']\ndocuments:\n  '*.plan.md': runbook\n"
                + "types:\n  runbook:\n    sections: [Overview, {title: Rollback, aliases: [Back out], guidance: g}]\n");
        Path probe = dir.resolve("docs/deep/x.md");
        java.util.Map<String, Object> effective = provider.effective(probe);
        effective.remove("files");
        String yaml = new org.snakeyaml.engine.v2.api.Dump(org.snakeyaml.engine.v2.api.DumpSettings.builder().build())
                .dumpToString(effective);
        assertThat(yaml).doesNotContain("&id").doesNotContain("*id");
        Path printed = dir.resolve("printed.yml");
        Files.writeString(printed, yaml);
        CascadingConfigProvider readBack = new CascadingConfigProvider(
                ConfigLoader.discover(dir, Optional.of(printed), List.of(dir)), RULES);
        assertThat(readBack.describe(probe)).isEqualTo(provider.describe(probe));
        Config original = provider.configFor(probe);
        Config again = readBack.configFor(probe);
        for (String path : List.of("a.draft.md", "docs/a.tmp.md", "docs/deep/a.tmp.md", "a.tmp.md", "docs/old/a.md",
                "docs/deep/old/a.md", "old/a.md", "docs/deep/x.md")) {
            assertThat(again.ignored(path)).as(path).isEqualTo(original.ignored(path));
        }
        for (String path : List.of("plans/pipeline.md", "docs/x.plan.md", "docs/deep/y.plan.md", "x.plan.md")) {
            assertThat(again.typeFor(path)).as(path).isEqualTo(original.typeFor(path));
        }
        assertThat(again.types().get("runbook")).isEqualTo(original.types().get("runbook"));
    }
}
