package io.opsdoc.core.doctype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.opsdoc.core.testing.SharedCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link SectionMatcher.Headings} (headings normalised once per document) and {@link SectionMatcher#matches}
 * agree with the matching as it was before: every heading normalised again for every name. That
 * matching is kept here as the oracle.
 */
class SectionMatcherIndexTest {
    private static final Pattern LEADING_NUMBER = Pattern.compile(
            "^\\s*(?:(?:step|stage|phase|part|section)\\s+)?(?:\\d+(?:\\.\\d+)*|[ivx]+|[a-z])[.):]\\s+|^\\s*(?:(?:step|stage|phase|part|section)\\s+)?\\d+(?:\\.\\d+)*\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUALIFIER = Pattern.compile("\\s*(?:\\(|\\[|:|\\s[-\u2013\u2014]\\s|\\s[-\u2013\u2014]$).*$");

    /** The matching before the index, verbatim. */
    private static boolean oracle(String heading, List<String> names) {
        List<String> full = oldWords(stripNumbering(oldCleanEmoji(heading)));
        List<String> cut = oldWords(QUALIFIER.matcher(stripNumbering(oldCleanEmoji(heading))).replaceFirst(""));
        for (String name : names) {
            List<String> wanted = oldWords(name);
            if (!wanted.isEmpty() && (wanted.equals(full) || wanted.equals(cut))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> oldWords(String text) {
        String lower = oldCleanEmoji(text).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            } else if (c == '-' || c == '/' || c == '\'' || c == '\u2019') {
                continue;
            } else {
                sb.append(' ');
            }
        }
        List<String> result = new ArrayList<>();
        for (String word : sb.toString().trim().split("\\s+")) {
            if (!word.isEmpty() && !word.equals("and")) {
                result.add(word);
            }
        }
        return result;
    }

    private static String stripNumbering(String text) {
        return LEADING_NUMBER.matcher(text.strip()).replaceFirst("");
    }

    private static String oldCleanEmoji(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean symbol = type == Character.OTHER_SYMBOL || type == Character.SURROGATE
                    || cp == 0xFE0F || cp == 0x200D || (cp >= 0x1F000 && cp <= 0x1FAFF);
            if (!symbol) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /** Every name list the built-in document types require, plus odd ones. */
    private static List<List<String>> nameLists() {
        List<List<String>> lists = new ArrayList<>();
        DocumentTypes.builtIn().all().forEach(t -> t.sections().forEach(s -> lists.add(s.names())));
        lists.add(List.of("Disaster Recovery", "DR Plan", "DR", "Business Continuity"));
        lists.add(List.of("Local Development", "Local Setup"));
        lists.add(List.of("", "  ", "&", "and"));
        lists.add(List.of("CI/CD", "Post-Mortem Process", "🚀 Deployment"));
        lists.add(List.of());
        return lists;
    }

    private static void assertAgree(List<String> titles) {
        SectionMatcher.Headings index = SectionMatcher.Headings.of(titles);
        for (List<String> names : nameLists()) {
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < titles.size(); i++) {
                boolean match = oracle(titles.get(i), names);
                if (match) {
                    expected.add(i);
                }
                if (SectionMatcher.matches(titles.get(i), names) != match) {
                    assertThat(SectionMatcher.matches(titles.get(i), names)).as("%s vs %s", titles.get(i), names)
                            .isEqualTo(match);
                }
            }
            assertThat(index.all(names)).as("%s", names).isEqualTo(expected);
            assertThat(index.first(names)).as("%s", names).isEqualTo(expected.isEmpty() ? -1 : expected.get(0));
        }
    }

    @Test
    void builtInTitlesAndVariantsAgreeWithTheOldMatching() {
        List<String> titles = new ArrayList<>();
        DocumentTypes.builtIn().all().forEach(t -> t.sections().forEach(s -> {
            titles.addAll(s.names());
            s.names().forEach(n -> {
                titles.add("3. " + n + " (draft)");
                titles.add("🔐 " + n.toUpperCase(Locale.ROOT));
                titles.add("Step 2: " + n.replace("&", "and"));
                titles.add(n + " - notes");
                titles.add(n + ": more");
                titles.add(n.replace(" ", "-"));
            });
        }));
        titles.addAll(List.of("", "   ", "&", "and", "🚀", "IV. Monitoring", "a) Alerting", "Section 4 Alerting"));
        assertAgree(titles);
    }

    @Test
    void randomHeadingsAgreeWithTheOldMatching() {
        Random random = new Random(14);
        String[] pieces = {"Pipeline", "Stages", "and", "&", "+", "-", " - ", ":", "(", ")", "[", "3.", "Step", " ",
            "🚀", "\uFE0F", "\u200D", "Rollback", "Procedures", "Secrets", "Environment", "Variables", "CI/CD", "'",
            "\u2019", "\u2013", "\u2014", "i.", "ii)", "x", "Post", "Mortem", "1.2", "\t", "SLIs,", "SLOs", "SLAs", "é"};
        for (int round = 0; round < 300; round++) {
            List<String> titles = new ArrayList<>();
            for (int t = 0; t < 20; t++) {
                StringBuilder sb = new StringBuilder();
                int length = random.nextInt(7);
                for (int i = 0; i < length; i++) {
                    sb.append(pieces[random.nextInt(pieces.length)]).append(random.nextBoolean() ? " " : "");
                }
                titles.add(sb.toString());
            }
            assertAgree(titles);
        }
    }

    @Test
    void corpusHeadingsAgreeWithTheOldMatching() throws IOException {
        List<Path> files = SharedCorpus.markdownFiles();
        assumeTrue(!files.isEmpty(), "shared/corpus not found above the working directory");
        List<String> titles = new ArrayList<>();
        // Every fourth file: its headings against every name list.
        for (int f = 0; f < files.size(); f += 4) {
            Path file = files.get(f);
            for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#")) {
                    titles.add(line.replaceFirst("^#+", ""));
                }
            }
        }
        assertThat(titles).hasSizeGreaterThan(1000);
        assertAgree(titles);
    }
}
