package io.opsdoc.core.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs the shared conformance snippets (skipped when the shared folder is not present). */
class HclConformanceTest {

    /** "main.tf:LINE,COL" from the README table of the HashiCorp diagnostics. */
    private static final Pattern README_ROW = Pattern.compile("\\| `([^`]+\\.tf)` \\| \\[main\\.tf:(\\d+),(\\d+)");

    private static Path conformanceDir() {
        Optional<Path> shared = SharedFixtures.sharedDir();
        assumeTrue(shared.isPresent(), "shared/conformance/hcl not found; skipping");
        return shared.get().resolve("conformance/hcl");
    }

    private static List<Path> tfFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".tf")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> validSnippetsParse() throws IOException {
        Path dir = conformanceDir().resolve("valid");
        return tfFiles(dir).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            HclParseResult result = HclParser.parse(Files.readString(file, StandardCharsets.UTF_8));
            assertThat(result.errors()).as(file.toString()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidSnippetsFailAtHashiCorpPosition() throws IOException {
        Path dir = conformanceDir();
        Map<String, int[]> expected = new java.util.HashMap<>();
        Matcher m = README_ROW.matcher(Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8));
        while (m.find()) {
            expected.put(m.group(1), new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))});
        }
        return tfFiles(dir.resolve("invalid")).stream().map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), () -> {
                    HclParseResult result = HclParser.parse(Files.readString(file, StandardCharsets.UTF_8));
                    assertThat(result.errors()).as(file.toString()).isNotEmpty();
                    int[] lineCol = expected.get(file.getFileName().toString());
                    assertThat(lineCol).as("README row for " + file).isNotNull();
                    HclPos start = result.errors().get(0).start();
                    assertThat(start.line() + 1).as("line of " + result.errors().get(0)).isEqualTo(lineCol[0]);
                    assertThat(start.column() + 1).as("column of " + result.errors().get(0))
                            .isBetween(lineCol[1] - 2, lineCol[1] + 2);
                }));
    }
}
