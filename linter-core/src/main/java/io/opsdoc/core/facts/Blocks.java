package io.opsdoc.core.facts;

import io.opsdoc.core.embedded.YamlDocument;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.source.Range;
import java.util.Set;

/** What a code block holds, by its language tag, and how text positions map back to the file. */
public final class Blocks {
    public static final Set<String> SHELL = Set.of("bash", "sh", "shell", "console", "zsh", "shell-session",
            "shellsession", "sh-session", "powershell", "ps", "ps1", "pwsh", "fish", "cmd", "bat", "ksh", "terminal",
            "dockerfile", "docker");
    public static final Set<String> HCL = Set.of("hcl", "terraform", "tf", "tfvars", "hcl2");

    private Blocks() {
    }

    public static boolean isYaml(CodeBlock block) {
        return YamlDocument.isYaml(block, YamlDocument.Tags.TAGGED);
    }

    /** Shell-like blocks whose lines are commands (Dockerfiles included: their RUN/HEALTHCHECK lines are). */
    public static boolean isShell(CodeBlock block) {
        return SHELL.contains(block.language());
    }

    public static boolean isHcl(CodeBlock block) {
        return HCL.contains(block.language());
    }

    /** The file range of characters [from, to) of a mapped text of {@code doc}. */
    public static Range range(MarkdownDocument doc, MappedText text, int from, int to) {
        return doc.source().range(text.offset(from), text.endOffset(to));
    }
}
