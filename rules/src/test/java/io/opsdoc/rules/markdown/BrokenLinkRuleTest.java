package io.opsdoc.rules.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BrokenLinkRuleTest {
    /** The test the rule made with a regex per link, which the character loop replaced. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    @Test
    void schemeTestAgreesWithTheRegex() {
        List<String> urls = new ArrayList<>(List.of("https://x", "mailto:a@b", "tel:1", "c:\\dir", "a+b.c-d:x",
                "runbook.md", "./a:b", "1abc:x", "", ":", "a", "a:", "é:x", "docs/a:b.md", "x-y.z+1:"));
        Random random = new Random(14);
        String alphabet = "aZ09+.-:/#é _";
        for (int i = 0; i < 5000; i++) {
            StringBuilder url = new StringBuilder();
            for (int j = random.nextInt(8); j > 0; j--) {
                url.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            urls.add(url.toString());
        }
        for (String url : urls) {
            assertThat(BrokenLinkRule.hasScheme(url)).as(url).isEqualTo(SCHEME.matcher(url).find());
        }
    }
}
