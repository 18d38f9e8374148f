package io.opsdoc.core.config;

import io.opsdoc.core.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A declarative rule from {@code custom-rules:} in a configuration file; the rules module turns it
 * into a {@link io.opsdoc.core.rule.Rule} with id {@code custom/NAME}.
 *
 * @param documentTypes the rule only runs on documents of these types; empty means every document
 *     (for {@code require-section}: every typed document)
 * @param section a section title: the rule looks only inside that section (require-section: the
 *     section that must exist)
 * @param aliases other accepted titles of {@code section}
 * @param pattern the regular expression (require-pattern, forbid-pattern; forbid-value: matched
 *     against the scalar), or empty
 * @param scope which text a pattern is matched against
 * @param language for scope {@code code}: only code blocks of this language (empty: every block)
 * @param path dot path into embedded YAML (require-key, forbid-value); {@code *} matches any key or item
 * @param where conditions on the same YAML document: dot path to accepted scalar values
 * @param values forbidden scalar values (forbid-value)
 * @param origin the configuration file that declares the rule
 */
public record CustomRuleDefinition(
        String name,
        Kind kind,
        Level level,
        String message,
        String description,
        List<String> documentTypes,
        Optional<String> section,
        List<String> aliases,
        Optional<Pattern> pattern,
        Scope scope,
        Optional<String> language,
        List<String> path,
        Map<List<String>, List<String>> where,
        List<String> values,
        Path origin) {

    public CustomRuleDefinition {
        documentTypes = List.copyOf(documentTypes);
        aliases = List.copyOf(aliases);
        path = List.copyOf(path);
        where = Map.copyOf(where);
        values = List.copyOf(values);
    }

    public String id() {
        return "custom/" + name;
    }

    /** The kinds of declarative rules. */
    public enum Kind {
        REQUIRE_SECTION, REQUIRE_PATTERN, FORBID_PATTERN, REQUIRE_KEY, FORBID_VALUE;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Optional<Kind> parse(String text) {
            for (Kind kind : values()) {
                if (kind.id().equals(text)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** Which text a pattern rule looks at. */
    public enum Scope {
        /** Prose outside code, HTML and headings' markup (headings and table cells included). */
        PROSE,
        /** Heading text only. */
        HEADINGS,
        /** Code block contents (of {@code language} when given). */
        CODE,
        /** The raw Markdown text. */
        TEXT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Scope> parse(String text) {
            for (Scope scope : values()) {
                if (scope.id().equals(text)) {
                    return Optional.of(scope);
                }
            }
            return Optional.empty();
        }
    }
}
