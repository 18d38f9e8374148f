package io.opsdoc.cli.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No container engine in the build: the Dockerfile is parsed (one instruction per logical line,
 * backslash continuations joined, comments dropped) and its essentials asserted.
 */
class DockerfileTest {
    /** An image reference pinned by digest, or by a tag that names an exact version. */
    private static final Pattern PINNED = Pattern.compile("[^:@\\s]+(@sha256:[0-9a-f]{64}|:\\d+(\\.\\d+)+[\\w.\\-]*(@sha256:[0-9a-f]{64})?)");

    record Instruction(String keyword, String arguments) {
    }

    static List<Instruction> parse(String dockerfile) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        for (String line : dockerfile.split("\\R", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") && logical.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("#")) {
                continue; // comment lines inside a continuation are skipped by Docker too
            }
            if (trimmed.endsWith("\\")) {
                logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            logical.append(trimmed);
            String text = logical.toString().strip();
            logical.setLength(0);
            if (text.isEmpty()) {
                continue;
            }
            int space = text.indexOf(' ');
            instructions.add(new Instruction(text.substring(0, space).toUpperCase(Locale.ROOT), text.substring(space + 1).strip()));
        }
        return instructions;
    }

    private final List<Instruction> all = parse(RepositoryFiles.read("Dockerfile"));

    /** Instructions of the last stage: what the published image is made of. */
    private List<Instruction> runtime() {
        int last = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).keyword().equals("FROM")) {
                last = i;
            }
        }
        return all.subList(last, all.size());
    }

    private String last(String keyword) {
        return runtime().stream().filter(i -> i.keyword().equals(keyword)).reduce((a, b) -> b)
                .map(Instruction::arguments).orElseThrow(() -> new AssertionError("no " + keyword + " in the runtime stage"));
    }

    @Test
    void theParserJoinsContinuations() {
        List<Instruction> parsed = parse("FROM a:1.2\n# note\nRUN one \\\n  && two \\\n# inside\n  && three\nCMD [\"x\"]\n");
        assertThat(parsed).extracting(Instruction::keyword).containsExactly("FROM", "RUN", "CMD");
        assertThat(parsed.get(1).arguments()).isEqualTo("one  && two  && three");
    }

    @Test
    void everyBaseImageIsPinned() {
        List<String> bases = all.stream().filter(i -> i.keyword().equals("FROM"))
                .map(i -> i.arguments().split("\\s+")[0]).toList();
        assertThat(bases).isNotEmpty().allSatisfy(image -> {
            assertThat(image).doesNotContain(":latest");
            assertThat(PINNED.matcher(image).matches()).as("%s is pinned by version or digest", image).isTrue();
        });
        assertThat(bases.get(bases.size() - 1)).as("the runtime is a JRE, not a JDK").contains("jre");
    }

    @Test
    void runsAsANonRootUser() {
        String user = last("USER").split(":")[0];
        assertThat(user).isNotIn("root", "0");
        assertThat(runtime()).anyMatch(i -> i.keyword().equals("RUN") && i.arguments().contains("useradd")
                && i.arguments().contains("--uid " + user));
    }

    @Test
    void entryPointRunsTheJarAndChecksTheMountedFolderByDefault() {
        // The repository's launcher, as ./opsdoc: JVM flags and the start-up archive of the image's java.
        assertThat(last("ENTRYPOINT")).isEqualTo("[\"/opt/opsdoc/opsdoc\"]");
        assertThat(runtime()).anyMatch(i -> i.keyword().equals("COPY") && i.arguments().equals("--from=build /src/opsdoc /opt/opsdoc/opsdoc"));
        assertThat(runtime()).anyMatch(i -> i.keyword().equals("ENV") && i.arguments().equals("OPSDOC_JAR=/opt/opsdoc/opsdoc.jar"));
        // The archive is written while the image is built (the image's user cannot write /opt/opsdoc).
        assertThat(runtime()).anyMatch(i -> i.keyword().equals("RUN") && i.arguments().contains("OPSDOC_ARCHIVE=create /opt/opsdoc/opsdoc"));
        assertThat(last("CMD")).isEqualTo("[\"check\", \".\"]");
        assertThat(last("WORKDIR")).isEqualTo("/work");
        assertThat(last("VOLUME")).isEqualTo("[\"/work\"]");
        assertThat(runtime()).anyMatch(i -> i.keyword().equals("COPY") && i.arguments().startsWith("--from=build")
                && i.arguments().endsWith("/opt/opsdoc/opsdoc.jar"));
    }

    @Test
    void theBuildStageBuildsTheShadedJarThatCliProduces() {
        String build = all.stream().filter(i -> i.keyword().equals("RUN") && i.arguments().contains("mvnw"))
                .findFirst().orElseThrow().arguments();
        assertThat(build).contains("package -pl cli -am").contains("cli/target/opsdoc.jar");
        assertThat(RepositoryFiles.read("cli/pom.xml")).contains("<finalName>opsdoc</finalName>");
    }

    @Test
    void theBuildContextKeepsWhatTheBuildNeeds() {
        List<String> ignored = RepositoryFiles.read(".dockerignore").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(ignored).contains(".git", "**/target").doesNotContain("pom.xml", "mvnw", ".mvn", "*", "**/pom.xml");
    }
}
