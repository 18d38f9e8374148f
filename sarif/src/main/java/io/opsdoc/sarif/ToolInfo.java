package io.opsdoc.sarif;

import java.net.URI;

/**
 * The tool that produced a report.
 *
 * @param name driver name (stable: code scanning keys alerts by it)
 * @param semanticVersion version, e.g. {@code 0.1.0}
 * @param informationUri the tool's home page
 * @param rulesUri base of the rule documentation; a rule's helpUri is this with the rule id as fragment
 */
public record ToolInfo(String name, String semanticVersion, URI informationUri, URI rulesUri) {
    public URI helpUri(String ruleId) {
        return URI.create(rulesUri.toString() + "#" + anchor(ruleId));
    }

    /** The rule id as a heading anchor: ASCII letters and digits lower-cased, '_' and '-' kept, anything else '-'. */
    static String anchor(String ruleId) {
        StringBuilder anchor = new StringBuilder(ruleId.length());
        ruleId.codePoints().forEach(c -> {
            boolean kept = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
            anchor.append(kept ? (char) c : c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : '-');
        });
        return anchor.toString();
    }
}
