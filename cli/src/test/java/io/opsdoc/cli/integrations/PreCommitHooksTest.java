package io.opsdoc.cli.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** .pre-commit-hooks.yaml as pre-commit reads it: a list of hooks with the keys it requires. */
class PreCommitHooksTest {
    @SuppressWarnings("unchecked")
    private final List<Map<String, Object>> hooks = (List<Map<String, Object>>) new Load(LoadSettings.builder().build())
            .loadFromString(RepositoryFiles.read(".pre-commit-hooks.yaml"));

    private Map<String, Object> hook(String id) {
        return hooks.stream().filter(h -> id.equals(h.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no hook " + id));
    }

    @Test
    void everyHookHasWhatPreCommitRequires() {
        assertThat(hooks).isNotEmpty().allSatisfy(h -> {
            assertThat(h).containsKeys("id", "name", "entry", "language");
            assertThat(h.get("types")).isEqualTo(List.of("markdown"));
            // Planning-set rules need every document of a folder: never lint only the staged files.
            assertThat(h.get("pass_filenames")).isEqualTo(false);
            assertThat(h.get("require_serial")).isEqualTo(true);
            assertThat((String) h.get("entry")).endsWith(" check");
        });
    }

    @Test
    void theDefaultHookRunsTheLauncherOfThisRepository() {
        Map<String, Object> hook = hook("opsdoc");
        assertThat(hook.get("language")).isEqualTo("script");
        // language: script runs the entry's first word relative to the hook repository's root.
        Path script = RepositoryFiles.file(((String) hook.get("entry")).split(" ")[0]);
        assertThat(script).isRegularFile();
        assertThat(Files.isExecutable(script) || Files.exists(script)).isTrue();
        assertThat(hook("opsdoc-system").get("language")).isEqualTo("system");
    }
}
