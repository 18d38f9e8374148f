package io.opsdoc.core.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Checks agreement with HashiCorp's parser on every hcl/terraform fenced block of the shared
 * Markdown corpus, as recorded in {@code corpus-verdicts.jsonl}.
 */
class HclCorpusVerdictsTest {

    // The verdict lines are flat JSON objects; a regex avoids a JSON dependency.
    private static final Pattern FILE = Pattern.compile("\"file\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern FENCE_LINE = Pattern.compile("\"fenceLine\":\\s*(\\d+)");
    private static final Pattern VALID = Pattern.compile("\"valid\":\\s*(true|false)");

    private record Verdict(String file, int fenceLine, boolean valid) {
    }

    private static String group(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("Malformed verdict line: " + line);
        }
        return m.group(1);
    }

    @Test
    void agreesWithHashiCorpOnEveryCorpusBlock(TestReporter reporter) throws IOException {
        Optional<Path> shared = SharedFixtures.sharedDir();
        assumeTrue(shared.isPresent(), "shared/conformance/hcl not found; skipping");
        Path corpus = shared.get().resolve("corpus");
        Path verdictsFile = shared.get().resolve("conformance/hcl/corpus-verdicts.jsonl");
        assumeTrue(Files.isRegularFile(verdictsFile) && Files.isDirectory(corpus), "corpus not present");

        List<Verdict> verdicts = new ArrayList<>();
        for (String line : Files.readAllLines(verdictsFile, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                verdicts.add(new Verdict(group(FILE, line).replace("\\/", "/"),
                        Integer.parseInt(group(FENCE_LINE, line)), Boolean.parseBoolean(group(VALID, line))));
            }
        }

        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(YamlFrontMatterExtension.create()));
        Parser markdown = Parser.builder(options).build();
        Map<String, Map<Integer, String>> blocksByFile = new HashMap<>();

        int validAgree = 0;
        int invalidAgree = 0;
        int validTotal = 0;
        int invalidTotal = 0;
        List<String> disagreements = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            Map<Integer, String> blocks = blocksByFile.computeIfAbsent(verdict.file(),
                    f -> fencedBlocks(markdown, corpus.resolve(f)));
            String content = blocks.get(verdict.fenceLine());
            if (content == null) {
                disagreements.add(verdict.file() + ":" + verdict.fenceLine() + " fenced block not found");
                continue;
            }
            HclParseResult result = HclParser.parse(content);
            if (verdict.valid()) {
                validTotal++;
                if (result.isValid()) {
                    validAgree++;
                } else {
                    disagreements.add(verdict.file() + ":" + verdict.fenceLine() + " should be valid: "
                            + result.errors().get(0));
                }
            } else {
                invalidTotal++;
                if (!result.isValid()) {
                    invalidAgree++;
                } else {
                    disagreements.add(verdict.file() + ":" + verdict.fenceLine() + " should be invalid");
                }
            }
        }
        reporter.publishEntry("agreement", String.format("valid %d/%d, invalid %d/%d", validAgree, validTotal,
                invalidAgree, invalidTotal));
        assertThat(disagreements)
                .as("valid %d/%d, invalid %d/%d", validAgree, validTotal, invalidAgree, invalidTotal)
                .isEmpty();
        assertThat(validTotal + invalidTotal).isEqualTo(verdicts.size());
    }

    /** Maps the 1-based line of each opening fence to the block's content. */
    private static Map<Integer, String> fencedBlocks(Parser markdown, Path file) {
        Map<Integer, String> blocks = new HashMap<>();
        try {
            Node document = markdown.parse(Files.readString(file, StandardCharsets.UTF_8));
            collect(document, blocks);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return blocks;
    }

    private static void collect(Node node, Map<Integer, String> blocks) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof FencedCodeBlock fenced) {
                blocks.put(fenced.getLineNumber() + 1, fenced.getContentChars().toString());
            }
            collect(child, blocks);
        }
    }
}
