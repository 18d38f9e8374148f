package io.opsdoc.rules.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguagesTest {
    private final Languages languages = Languages.builtIn();

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "YML", "console", "shell-session", "mermaid", "terraform", "hcl", "tf", "promql",
            "text", "plaintext", "txt", "diff", "http", "dockerfile", "makefile", "jsonc", "json5", "ini", "toml",
            "properties", "nginx", "apache", "csv", "bash", "sh", "zsh", "powershell", "ps1", "go", "golang",
            "python", "py", "java", "kotlin", "sql", "graphql", "protobuf", "c++", "c#", "objective-c",
            "graphviz", "dot", "rego", "jsonnet", "cue", "starlark", "nix", "groovy", "hcl2", "jinja", "gotmpl"})
    void knows(String tag) {
        assertThat(languages.known(tag)).isTrue();
    }

    @Test
    void doesNotKnowTypos() {
        assertThat(languages.known("yamll")).isFalse();
        assertThat(languages.known("terrafrom")).isFalse();
        assertThat(languages.known("log")).isFalse();
    }

    @Test
    void suggestsTheClosestName() {
        assertThat(languages.closest("yamll", List.of())).contains("yaml");
        assertThat(languages.closest("terrafrom", List.of())).contains("terraform");
        assertThat(languages.closest("jsn", List.of())).contains("json");
        assertThat(languages.closest("ymal", List.of())).contains("yaml");
        assertThat(languages.closest("qqqqqqqqqq", List.of())).isEmpty();
        assertThat(languages.closest("log", List.of())).isEmpty();
        assertThat(languages.closest("none", List.of())).isEmpty();
    }
}
