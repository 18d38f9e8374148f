package io.opsdoc.core.rule;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of finding a rule reports: a stable id and the text template of its message.
 *
 * <p>The id ({@code missing}, {@code mismatch}, ...) is unique within its rule and, like the rule
 * id, a public contract: reports carry it (JSON {@code messageId}, SARIF {@code message.id}) and
 * fixture markers expect it. The template holds positional placeholders {@code {0}}, {@code {1}}
 * ... (SARIF's own placeholder syntax, so the template can be published as the rule's SARIF
 * {@code messageStrings}); every other character is literal, apostrophes and braces included.
 */
public record Message(String id, String template) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

    public Message {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("message id '" + id + "' must be lower-case words joined by '-'");
        }
        if (template.isBlank()) {
            throw new IllegalArgumentException("message " + id + " has an empty template");
        }
        int count = placeholderCount(template);
        for (int i = 0; i < count; i++) {
            if (!template.contains("{" + i + "}")) {
                throw new IllegalArgumentException("message " + id + " uses {" + (count - 1) + "} but not {" + i + "}");
            }
        }
    }

    public static Message of(String id, String template) {
        return new Message(id, template);
    }

    /** How many arguments {@link #format} takes: one more than the highest placeholder. */
    public int arguments() {
        return placeholderCount(template);
    }

    /** The message text with each {@code {i}} replaced by {@code String.valueOf(args[i])}. */
    public String format(Object... args) {
        if (args.length != arguments()) {
            throw new IllegalArgumentException("message " + id + " takes " + arguments() + " argument(s), got "
                    + args.length);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder(template.length() + 32);
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf(args[m.group(1).charAt(0) - '0'])));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static int placeholderCount(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        int max = -1;
        while (m.find()) {
            max = Math.max(max, m.group(1).charAt(0) - '0');
        }
        return max + 1;
    }
}
