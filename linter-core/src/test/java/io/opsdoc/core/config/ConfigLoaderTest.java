package io.opsdoc.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where lookup stops, what extends may reach and what messages about an extended file may show. */
class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String relative, String text) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void repositoryRootIsTheGitRootElseTheOutermostCheckedFolder() throws Exception {
        Files.createDirectories(dir.resolve("repo/.git"));
        Files.createDirectories(dir.resolve("repo/a/b"));
        Files.createDirectories(dir.resolve("plain/x/y"));
        Path file = write("plain/x/y/doc.md", "# Doc\n");
        ConfigLoader loader = ConfigLoader.discover(dir, Optional.empty(), List.of(dir.resolve("plain/x"), file));
        assertThat(loader.repositoryRoot(dir.resolve("repo/a/b"))).isEqualTo(dir.resolve("repo"));
        assertThat(loader.repositoryRoot(dir.resolve("plain/x/y"))).isEqualTo(dir.resolve("plain/x"));
        // Outside git and outside every checked folder: only the folder itself.
        assertThat(loader.repositoryRoot(dir.resolve("plain"))).isEqualTo(dir.resolve("plain"));
    }

    @Test
    void outsideGitLookupDoesNotClimbAboveTheCheckedFolder() throws Exception {
        write(".opsdoc.yml", "rules: {}\n");
        write("sub/.opsdoc.yml", "rules: {}\n");
        Files.createDirectories(dir.resolve("sub/deeper"));
        ConfigLoader loader = ConfigLoader.discover(dir.resolve("sub"), Optional.empty(), List.of(dir.resolve("sub")));
        assertThat(loader.chain(dir.resolve("sub/deeper"))).extracting(ConfigFile::path)
                .containsExactly(Optional.of(dir.resolve("sub/.opsdoc.yml")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.yml", "/etc/passwd", "sub/../../secret.yml"})
    void extendsOutsideTheRepositoryIsRefused(String target) throws Exception {
        Files.createDirectories(dir.resolve("repo/.git"));
        write("secret.yml", "rules: {}\n");
        write("repo/.opsdoc.yml", "extends: '" + target + "'\n");
        assertThatThrownBy(() -> ConfigLoader.discover(dir.resolve("repo"), Optional.empty(), List.of(dir.resolve("repo"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(":1:10: extends '" + target + "': outside the repository root");
    }

    @Test
    void anExplicitFileMayExtendItsOwnFolder() throws Exception {
        Files.createDirectories(dir.resolve("repo/.git"));
        write("team/base.yml", "ignore: [drafts/**]\n");
        Path team = write("team/opsdoc.yml", "extends: base.yml\n");
        ConfigLoader loader = ConfigLoader.discover(dir.resolve("repo"), Optional.of(team), List.of(dir.resolve("repo")));
        assertThat(loader.loaded()).hasSize(2);
    }

    @Test
    void errorsOfAnExtendedFileShowPositionsNotContent() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        write("shared/team.yml", "rules: {}\nsecret-value-1234: [unclosed\n");
        write(".opsdoc.yml", "extends: shared/team.yml\n");
        assertThatThrownBy(() -> ConfigLoader.discover(dir, Optional.empty(), List.of(dir)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".opsdoc.yml:1:10: extends 'shared/team.yml': not a usable opsdoc configuration"
                        + " (shared/team.yml line 3, column 1: YAML error)");

        write("shared/team.yml", "rules: {}\nsecret-value-1234: 1\n");
        assertThatThrownBy(() -> ConfigLoader.discover(dir, Optional.empty(), List.of(dir)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".opsdoc.yml:1:10: extends 'shared/team.yml': not a usable opsdoc configuration"
                        + " (shared/team.yml line 2, column 1: unknown top-level key (not shown)")
                .hasMessageNotContaining("secret-value");
    }

    @Test
    void aHugeExtendedFileIsNotRead() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        write("big.yml", "# " + "x".repeat(5 * 1024 * 1024) + "\n");
        write(".opsdoc.yml", "extends: big.yml\n");
        assertThatThrownBy(() -> ConfigLoader.discover(dir, Optional.empty(), List.of(dir)))
                .isInstanceOf(ConfigException.class).hasMessage("big.yml:1:1: too large for a configuration file (over 4 MB)");
    }

    @Test
    void aFolderNameCannotStartANewLine() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Path folder = dir.resolve("x\n::error::forged");
        try {
            Files.createDirectories(folder);
        } catch (java.nio.file.InvalidPathException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "file system refuses the name");
        }
        Files.writeString(folder.resolve(".opsdoc.yml"), "rulez: 1\n");
        assertThatThrownBy(() -> ConfigLoader.discover(dir, Optional.empty(), List.of(folder)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("x\\n::error::forged/.opsdoc.yml:1:1: ")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void theUsersOwnFileIsQuotedEscaped() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        write(".opsdoc.yml", "\"a\\nb\": 1\n");
        assertThatThrownBy(() -> ConfigLoader.discover(dir, Optional.empty(), List.of(dir)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".opsdoc.yml:1:1: unknown top-level key 'a\\nb'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.md", "/abs.md", "a/../../x.md", "a\\\\b.md", "C:x.md", ".", "a/", "~/x.md"})
    void typeFileMustStayInsideThePlanningFolder(String file) throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        write(".opsdoc.yml", "types:\n  runbook:\n    file: '" + file + "'\n");
        assertThatThrownBy(() -> ConfigLoader.discover(dir, Optional.empty(), List.of(dir)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".opsdoc.yml:3:11: file ")
                .hasMessageContaining("must be a relative path inside the planning folder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"runbook.md", "runbooks/service-runbook.md"})
    void typeFileInsideThePlanningFolderIsAccepted(String file) throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        write(".opsdoc.yml", "types:\n  runbook:\n    file: '" + file + "'\n");
        assertThat(ConfigLoader.discover(dir, Optional.empty(), List.of(dir)).loaded()).hasSize(1);
    }
}
