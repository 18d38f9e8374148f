package io.opsdoc.cli.report;

import io.opsdoc.sarif.ToolInfo;
import java.net.URI;

/** How opsdoc names itself in reports. */
final class Tool {
    static final String NAME = "opsdoc";
    static final URI HOME = URI.create("https://github.com/opsdoc/opsdoc");
    /** The rule catalogue; each rule's help link is this with the rule id as anchor. */
    static final URI RULES = URI.create(HOME + "/blob/main/docs/rules.md");

    private Tool() {
    }

    static ToolInfo info(String version) {
        return new ToolInfo(NAME, version, HOME, RULES);
    }
}
