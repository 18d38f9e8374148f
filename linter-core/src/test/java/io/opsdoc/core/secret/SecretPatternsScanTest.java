package io.opsdoc.core.secret;

import io.opsdoc.core.testing.SharedCorpus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape and assignment scans search only the lines that can hold a match (an anchor, or a
 * secret word before '=' or ':'). These tests compare them with the plain scan of every line, on
 * tricky text and, when present, on the shared corpus: the prefilters must never drop a match.
 */
class SecretPatternsScanTest {
    private static final List<String> TEXTS = List.of(
            "The admin password: hunter2x\n",
            "db_password=s3cr3t!\nAPI_KEY = abcd1234\nexport GITHUB_TOKEN=ghp_x\n",
            "config: db.password=xyz9 more\n| Secret Key: | abc123! |\n",
            "console: password=hunter2\nPassWord: Ab12cd34\napiKey:Zx9_ab\n",
            "client-secret\t=\tq1w2e3r4 and Access  key: k3y!\r\nline two auth_key=val-9\n",
            "no secrets here: just prose = words\nand a key: value\nmonkey: banana1\n",
            "pwd=abc12345 ?pwd=abc12345 &passcode=x1y2\npassphrase: correct-horse-1\n",
            "credentials=u1:p2 credential: a1b2c3d4.\n",
            "AKIAIOSFODNN7ABCDEFG ASIAIOSFODNN7ABCDEFG\nghp_0123456789abcdefghijklmnopqrstuvwxyz12\n"
                    + "xoxb-1234567890-abcdef https://hooks.slack.com/services/T0000000/B0000000/abcdefghijklmnop1234\n"
                    + "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx1y2z3w4v5u6t7s8r9q0p\n-----END RSA PRIVATE KEY-----\n",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U\n"
                    + "https://discord.com/api/webhooks/123/abc glpat-abcdefghij0123456789 sk_live_0123456789abcdefXYZ\n",
            "postgres://app:pR0d-Pa55w0rd@db.prod.internal/app and https://user@host/ https://a:b/c@d\n"
                    + "mysql://root:s3cret@localhost:3306 http://x.y/z ftp://u:p@[::1]/ redis://:pw9@cache:6379\n"
                    + "https://user:pass word@host s3://bucket/key:v@x amqp://guest:guest@rabbit.prod",
            "no newline at the end: token=abc123!");

    @Test
    void assignmentScanFindsWhatTheFullScanFinds() {
        for (String text : TEXTS) {
            assertSameAssignments(text);
        }
        assertThat(SecretPatterns.assignmentsIn(TEXTS.get(0))).hasSize(1);
        assertThat(SecretPatterns.linesWithSecretKey("no secrets here: just prose = words\n")).isEmpty();
    }

    @Test
    void anchoredShapeAndUrlScansFindWhatTheFullScansFind() {
        for (String text : TEXTS) {
            assertSameShapes(text);
            assertSameUrlPasswords(text);
        }
        assertThat(SecretPatterns.urlPasswordsIn(TEXTS.get(10))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(SecretPatterns.shapesIn(TEXTS.get(8))).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void keyWordsSplitAsTheSeparatorAndHumpPatternsDo() {
        for (String key : List.of("DB_PASSWORD", "apiKey", "APIKey", "clientSecret2Value", "my.secret-key/x:y",
                "_lead", "trail_", "a  b\tc", "x9Y", "Ümlaut_Key", "already", "", "__", "aB", "ABc", "s3Bucket")) {
            List<String> expected = new ArrayList<>();
            for (String part : key.split("[_\\-.\\s/:]+")) {
                for (String word : part.split("(?<=[a-z0-9])(?=[A-Z])")) {
                    if (!word.isEmpty()) {
                        expected.add(word.toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
            assertThat(SecretPatterns.words(key)).as(key).isEqualTo(expected);
        }
    }

    @Test
    void sharedCorpusScansAgree() throws IOException {
        Path corpus = SharedCorpus.find().orElse(null);
        assumeTrue(corpus != null, "shared/corpus not found above the working directory");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        // Every 17th file keeps the test quick while covering each repository of the corpus.
        for (int i = 0; i < files.size(); i += 17) {
            String text;
            try {
                text = Files.readString(files.get(i), StandardCharsets.UTF_8);
            } catch (IOException e) {
                continue;
            }
            assertSameAssignments(text);
            assertSameShapes(text);
            assertSameUrlPasswords(text);
        }
    }

    private static void assertSameAssignments(String text) {
        List<SecretPatterns.Found> gated = SecretPatterns.assignmentsIn(text);
        List<SecretPatterns.Found> full = SecretPatterns.assignmentsIn(text, allLineStarts(text));
        assertThat(gated).as(text.length() > 200 ? text.substring(0, 200) : text).isEqualTo(full);
    }

    private static void assertSameUrlPasswords(String text) {
        assertThat(SecretPatterns.urlPasswordsIn(text)).isEqualTo(SecretPatterns.urlPasswordsIn(text, false));
    }

    private static void assertSameShapes(String text) {
        List<SecretPatterns.Found> gated = new ArrayList<>(SecretPatterns.shapesIn(text));
        gated.addAll(SecretPatterns.maskedShapesIn(text));
        List<SecretPatterns.Found> full = new ArrayList<>();
        for (SecretPatterns.Shape shape : SecretPatterns.shapes()) {
            new SecretPatterns.Shape(shape.kind(), shape.pattern(), List.of()).forEachMatch(text, m -> {
                if (!SecretPatterns.placeholderToken(m.group())) {
                    full.add(new SecretPatterns.Found(m.start(), m.end(), shape.kind(), java.util.Optional.empty(),
                            java.util.Optional.empty()));
                }
            });
        }
        for (SecretPatterns.Shape shape : SecretPatterns.maskShapes()) {
            new SecretPatterns.Shape(shape.kind(), shape.pattern(), List.of()).forEachMatch(text, m -> full.add(
                    new SecretPatterns.Found(m.start(), m.end(), "secret", java.util.Optional.empty(),
                            java.util.Optional.empty())));
        }
        assertThat(gated).isEqualTo(full);
    }

    private static int[] allLineStarts(String text) {
        return IntStream.concat(IntStream.of(0),
                IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').map(i -> i + 1)).toArray();
    }

}
