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
        return URI.create(rulesUri.toString() + "#" + ruleId.replaceAll("[^A-Za-z0-9_-]", "-").toLowerCase(java.util.Locale.ROOT));
    }
}
