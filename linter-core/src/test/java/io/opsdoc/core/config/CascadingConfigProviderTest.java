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
                    .withOptions(new OptionSpec("words", "string-list", List.of("a"), "words"),
                            new OptionSpec("limit", "integer", 3, "limit")));

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
    void optionsAreValidatedAndExtraListsAccepted() throws Exception {
        Config config = provider("rules:\n  markdown/gamma:\n    options: {extra-words: [b], limit: 5}\n")
                .configFor(dir.resolve("a.md"));
        assertThat(config.setting("markdown/gamma").orElseThrow().options()).containsEntry("limit", 5);
        assertThatThrownBy(() -> provider("rules:\n  markdown/gamma:\n    options: {limit: many}\n"))
                .isInstanceOf(ConfigException.class).hasMessageEndingWith("option 'limit' of markdown/gamma must be a whole number");
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
}
