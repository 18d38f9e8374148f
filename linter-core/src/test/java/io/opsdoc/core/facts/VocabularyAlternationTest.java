package io.opsdoc.core.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The grouped alternation of vocabulary terms (first-character look-aheads written as explicit
 * characters) matches exactly what the plain case-insensitive alternation matches.
 */
class VocabularyAlternationTest {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** The start-up shortcuts of find and alternation give what the regex and Formatter calls gave. */
    @Test
    void firstWordAndHexEscapeAreWhatSplitAndFormatGive() {
        for (String term : List.of("vault", "hashicorp vault", "a\tb c", "x\u000By", "form\ffeed", "cr\rlf\nx",
                "no\u00a0break space", "ideographic\u3000space", "two  spaces", "\u00e9t\u00e9 x")) {
            String stripped = term.strip().toLowerCase(Locale.ROOT);
            assertThat(Vocabulary.firstWord(stripped)).as(term).isEqualTo(stripped.split("\\s+", 2)[0]);
            assertThat(Vocabulary.isAscii(stripped)).as(term).isEqualTo(stripped.chars().allMatch(c -> c < 0x80));
        }
        for (int cp : new int[] {0, 'a', 'Z', 0x7f, 0x130, 0x212a, 0xffff, 0x10000, 0x1f600, Character.MAX_CODE_POINT}) {
            assertThat(Vocabulary.appendHexEscape(new StringBuilder(), cp).toString())
                    .isEqualTo(String.format("\\x{%x}", cp));
        }
    }

    @Test
    void caseVariantsAreExactlyWhatACaseInsensitiveClassMatches() {
        for (char c : "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray()) {
            Matcher insensitive = Pattern.compile(String.format("[\\x{%x}\\x{%x}]", (int) c, Character.toUpperCase((int) c)),
                    FLAGS).matcher("");
            Matcher explicit = Pattern.compile("(?-iu)[" + Vocabulary.caseVariants(c) + "]", FLAGS).matcher("");
            for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
                // Beyond the BMP only a sample: no supplementary character folds to ASCII.
                if (cp > 0xFFFF && cp % 97 != 0) {
                    continue;
                }
                String s = new String(Character.toChars(cp));
                assertThat(explicit.reset(s).matches()).as("U+%04X for %s", cp, c).isEqualTo(insensitive.reset(s).matches());
            }
        }
    }

    @Test
    void groupedAlternationFindsWhatThePlainOneFinds() throws IOException {
        List<String> texts = new ArrayList<>(List.of(
                "Secrets live in HashiCorp Vault, not in vault-agent or VAULT_TOKEN; the ſops file and the Kelvin \u212aics scan.",
                "İnfisical and \u0131nfisical, SNYK, snyk-code, Trivy-Action, trivy fs, 1Password, a/b testing, blue/green.",
                "development dev-env Dev Staging stg prod PRD production prodution Production- _prod",
                "canary, Canary; CANARY rolling update rolling_update rolling-update rolling   update"));
        Path examples = Path.of("..", "examples", "planning");
        if (Files.isDirectory(examples)) {
            try (Stream<Path> files = Files.list(examples)) {
                for (Path f : files.sorted().toList()) {
                    texts.add(Files.readString(f));
                }
            }
        }
        Vocabulary vocabulary = Vocabulary.get();
        List<List<String>> termLists = new ArrayList<>();
        for (String topic : List.of("secret-stores", "dependency-scanners", "sast-tools", "image-scanners", "iac-scanners",
                "backup-schedule", "deployment-strategies", "environment.development", "environment.staging",
                "environment.production", "allowance.keywords", "availability.words", "latency.words", "rollback.words")) {
            termLists.add(vocabulary.terms(topic));
        }
        termLists.add(List.of("été", "über", "vault", "Åland", "-x", "(beta)"));
        for (List<String> terms : termLists) {
            Pattern grouped = Vocabulary.alternation(terms);
            Pattern plain = plainAlternation(terms);
            for (String text : texts) {
                assertThat(matches(grouped, text)).as("%s in %s", terms, text.substring(0, Math.min(60, text.length())))
                        .isEqualTo(matches(plain, text));
            }
        }
    }

    private static List<String> matches(Pattern p, String text) {
        List<String> result = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            result.add(m.start() + "-" + m.end());
        }
        return result;
    }

    /** The alternation as built before the grouping: one case-insensitive look-ahead class, terms longest first. */
    private static Pattern plainAlternation(Collection<String> terms) {
        String wordStart = "(?<![\\p{L}\\p{N}])";
        List<String> sorted = new ArrayList<>(terms.stream().filter(t -> !t.isBlank()).toList());
        sorted.sort((a, b) -> b.length() - a.length());
        StringBuilder words = new StringBuilder();
        StringBuilder firsts = new StringBuilder();
        StringBuilder others = new StringBuilder();
        for (String term : sorted) {
            String t = term.strip().toLowerCase(Locale.ROOT);
            String alternative = Vocabulary.pattern(term).pattern();
            if (Character.isLetterOrDigit(t.charAt(0))) {
                words.append(words.length() > 0 ? "|" : "").append(alternative.substring(wordStart.length()));
                int first = t.codePointAt(0);
                firsts.append(String.format("\\x{%x}", first));
                if (Character.toUpperCase(first) != first) {
                    firsts.append(String.format("\\x{%x}", Character.toUpperCase(first)));
                }
            } else {
                others.append(others.length() > 0 ? "|" : "").append(alternative);
            }
        }
        StringBuilder sb = new StringBuilder("(?:");
        if (words.length() > 0) {
            sb.append(wordStart).append("(?=[").append(firsts).append("])(?:").append(words).append(')');
        }
        if (others.length() > 0) {
            sb.append(words.length() > 0 ? "|" : "").append("(?:").append(others).append(')');
        }
        return Pattern.compile(sb.append(')').toString(), FLAGS);
    }
}
