package io.opsdoc.core.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.opsdoc.core.testing.SharedCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@link Vocabulary#find} (one pattern per term list, compiled once) gives exactly what the search
 * it replaced gave: each term's own pattern, skipping an ASCII term whose first word the lower-cased
 * text lacks, earliest match kept, the first listed on a tie. That search is kept here as the oracle.
 */
class VocabularyFindTest {

    /** The search as it was before the compiled finder, verbatim. */
    private static Optional<Vocabulary.Match> oracle(CharSequence text, Collection<String> terms) {
        Vocabulary.Match best = null;
        String lower = null;
        for (String term : terms) {
            if (term.isBlank()) {
                continue;
            }
            String firstWord = term.strip().toLowerCase(Locale.ROOT).split("\\s+", 2)[0];
            if (firstWord.chars().allMatch(c -> c < 0x80)) {
                lower = lower == null ? text.toString().toLowerCase(Locale.ROOT) : lower;
                if (!lower.contains(firstWord)) {
                    continue;
                }
            }
            Matcher m = oldPattern(term).matcher(text);
            if (m.find() && (best == null || m.start() < best.start())) {
                best = new Vocabulary.Match(term, m.start(), m.end());
            }
        }
        return Optional.ofNullable(best);
    }

    /** A term's pattern as it was built before, verbatim. */
    private static Pattern oldPattern(String term) {
        String t = term.strip().toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        if (Character.isLetterOrDigit(t.charAt(0))) {
            sb.append("(?<![\\p{L}\\p{N}])");
        }
        String[] parts = t.split("\\s+");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append("[\\s_-]+");
            }
            sb.append(Pattern.quote(parts[i]));
        }
        if (Character.isLetterOrDigit(t.charAt(t.length() - 1))) {
            sb.append("(?![\\p{L}\\p{N}])");
        }
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static void assertSame(String text, List<String> terms) {
        Optional<Vocabulary.Match> expected = oracle(text, terms);
        assertThat(Vocabulary.find(text, terms)).as("%s in %s", terms, text).isEqualTo(expected);
        assertThat(Vocabulary.contains(text, terms)).as("%s in %s", terms, text).isEqualTo(expected.isPresent());
    }

    @Test
    void termPatternsAreBuiltAsBefore() {
        for (String term : List.of("vault", "hashicorp vault", "a\tb c", "x\u000By", "form\ffeed", "cr\rlf\nx",
                "no\u00a0break space", "ideographic\u3000space", "two  spaces", " \t padded \n", "\u00e9t\u00e9 x",
                "ci/cd", ".env file", "c++", "(beta)", "\\E quoted \\Q", "a", "1password")) {
            assertThat(Vocabulary.pattern(term).pattern()).as(term).isEqualTo(oldPattern(term).pattern());
        }
    }

    @Test
    void examplesOfTheContract() {
        List<String> terms = List.of("vault", "hashicorp vault", "docker compose", "ci/cd", ".env file");
        assertThat(Vocabulary.find("We use HashiCorp Vault.", terms))
                .contains(new Vocabulary.Match("hashicorp vault", 7, 22));
        // Same start: the first listed wins, even when a later term is longer.
        assertThat(Vocabulary.find("vault vault", List.of("vault", "vault vault")))
                .contains(new Vocabulary.Match("vault", 0, 5));
        assertThat(Vocabulary.find("vault vault", List.of("vault vault", "vault")))
                .contains(new Vocabulary.Match("vault vault", 0, 11));
        assertThat(Vocabulary.find("run docker-compose up", terms)).contains(new Vocabulary.Match("docker compose", 4, 18));
        assertThat(Vocabulary.find("run docker__compose up", terms)).contains(new Vocabulary.Match("docker compose", 4, 19));
        assertThat(Vocabulary.find("vaults and CI/CDs", terms)).isEmpty();
        assertThat(Vocabulary.find("a .env file", terms)).contains(new Vocabulary.Match(".env file", 2, 11));
        assertThat(Vocabulary.find("ÜBER alles", List.of("über"))).contains(new Vocabulary.Match("über", 0, 4));
        assertThat(Vocabulary.find("anything", List.of(" ", ""))).isEmpty();
        assertThat(Vocabulary.find("anything", List.of())).isEmpty();
        // Only through the dotless i does 'istio' occur: the old search skipped the term, so does find.
        assertThat(Vocabulary.find("\u0131stio", List.of("istio"))).isEmpty();
        assertThat(Vocabulary.find("\u0131stio and Istio", List.of("istio"))).contains(new Vocabulary.Match("istio", 0, 5));
        assertThat(Vocabulary.find("\u017fops", List.of("sops", "ops"))).isEmpty();
        // A term starting with a long s or dotless i also matches s or i: listed first, it wins a tie
        // with a term of the 's' or 'i' group, so such lists are searched in plain list order.
        assertThat(Vocabulary.find("SOPS and Istio", List.of("\u017fops", "sops")))
                .contains(new Vocabulary.Match("\u017fops", 0, 4));
        assertThat(Vocabulary.find("SOPS and Istio", List.of("vault", "\u0131stio", "istio", "sops")))
                .contains(new Vocabulary.Match("sops", 0, 4));
        assertThat(Vocabulary.find("Istio", List.of("vault", "\u0131stio", "istio")))
                .contains(new Vocabulary.Match("\u0131stio", 0, 5));
    }

    @Test
    void randomTextsAndTermListsAgreeWithTheOldSearch() {
        Random random = new Random(14);
        String[] pieces = {"vault", "Vault", "VAULT", "hashicorp", "docker", "compose", "ci", "cd", "/", "-", "_", " ",
            "  ", "\n", "\t", ".", ",", "(", ")", "env", "été", "Über", "\u0131", "\u0130", "\u017f", "\u212a", "s", "i", "k",
            "stio", "ops", "test", "tests", "blue", "green", "a", "b", "1", "2", "😀", "x", "secret", "secrets", "p99"};
        String[] termPieces = {"vault", "hashicorp vault", "docker compose", "docker-compose", "ci/cd", "ci", "cd",
            ".env", ".env file", "-x", "(beta)", "été", "über", "istio", "sops", "ops", "\u0130stio", "\u0131stio",
            "\u017fops", "\u212aics", "kics", "test", "tests", "blue green", "blue-green", "a/b", "p99", "1password",
            "secret", "secrets", " ", "", "  vault  ", "Vault", "x", "s", "green", "😀 ok"};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(25);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            List<String> terms = new ArrayList<>();
            int count = random.nextInt(8);
            for (int i = 0; i < count; i++) {
                terms.add(termPieces[random.nextInt(termPieces.length)]);
            }
            assertSame(text.toString(), terms);
        }
    }

    @Test
    void everyBuiltInListAgreesWithTheOldSearchOnTheExamplesAndTheCorpus() throws IOException {
        List<List<String>> lists = builtInLists();
        List<String> texts = new ArrayList<>(List.of(
                "Secrets live in HashiCorp Vault, not in vault-agent or VAULT_TOKEN; the \u017fops file and the Kelvin \u212aics scan.",
                "\u0130nfisical and \u0131nfisical, SNYK, snyk-code, Trivy-Action, trivy fs, 1Password, a/b testing, blue/green."));
        Path examples = Path.of("..", "examples", "planning");
        if (Files.isDirectory(examples)) {
            try (var files = Files.list(examples)) {
                for (Path f : files.sorted().toList()) {
                    texts.add(Files.readString(f));
                }
            }
        }
        for (String text : texts) {
            for (List<String> terms : lists) {
                assertSame(text, terms);
            }
        }
    }

    @Test
    void corpusAgreesWithTheOldSearch() throws IOException {
        List<Path> files = SharedCorpus.markdownFiles();
        assumeTrue(!files.isEmpty(), "shared/corpus not found above the working directory");
        List<List<String>> lists = builtInLists();
        // Every eighth file with every list, whole texts and lines (the rules search both).
        for (int f = 0; f < files.size(); f += 8) {
            String text = new String(Files.readAllBytes(files.get(f)), StandardCharsets.UTF_8);
            for (List<String> terms : lists) {
                assertThat(Vocabulary.find(text, terms)).as("%s in %s", terms, files.get(f)).isEqualTo(oracle(text, terms));
            }
            List<String> secretWords = Vocabulary.get().terms("secret-words");
            for (String line : text.split("\n")) {
                assertThat(Vocabulary.find(line, secretWords)).as("%s", line).isEqualTo(oracle(line, secretWords));
            }
        }
    }

    /** Every list of the built-in vocabulary, read from its YAML. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> builtInLists() throws IOException {
        try (InputStream in = Vocabulary.class.getResourceAsStream("vocabulary.yaml")) {
            Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<List<String>> lists = new ArrayList<>();
            root.keySet().forEach(topic -> lists.add(Vocabulary.get().terms(topic)));
            assertThat(lists).hasSizeGreaterThan(40);
            return lists;
        }
    }
}
