package io.opsdoc.core.markdown;

import io.opsdoc.core.embedded.HclBlock;
import io.opsdoc.core.embedded.JsonBlock;
import io.opsdoc.core.embedded.LanguageGuesser;
import io.opsdoc.core.embedded.YamlBlock;
import io.opsdoc.core.source.Position;
import io.opsdoc.core.source.Range;
import io.opsdoc.core.source.SourceFile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A fenced or indented code block with the file offset of every content line, so positions
 * inside the block map back to the Markdown file exactly, also for fences nested in list items
 * and block quotes (whose container prefix is not part of the content). Embedded YAML, JSON and
 * HCL are parsed on first request and cached: each block is parsed at most once per language.
 */
public final class CodeBlock {
    private final SourceFile source;
    private final boolean fenced;
    private final String info;
    private final String language;
    private final boolean closed;
    private final boolean nested;
    private final Range range;
    private final Range openingFence;
    private final int[] lineOffsets;
    private final List<String> lines;
    private final String content;

    private volatile YamlBlock yaml;
    private volatile JsonBlock json;
    private volatile HclBlock hcl;
    /** The guess for an untagged fence, computed once; null until asked. */
    private volatile Optional<LanguageGuesser.Guess> guess;

    public CodeBlock(SourceFile source, boolean fenced, String info, boolean closed, boolean nested,
            Range range, Range openingFence, int[] lineOffsets, List<String> lines) {
        this.source = source;
        this.fenced = fenced;
        this.info = info;
        this.language = languageOf(info);
        this.closed = closed;
        this.nested = nested;
        this.range = range;
        this.openingFence = openingFence;
        this.lineOffsets = lineOffsets.clone();
        this.lines = List.copyOf(lines);
        this.content = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    /** First word of the info string, lower-cased, cut at '{' or ','; empty when there is none. */
    static String languageOf(String info) {
        String trimmed = info.strip();
        int end = 0;
        while (end < trimmed.length()) {
            char c = trimmed.charAt(end);
            if (Character.isWhitespace(c) || c == '{' || c == ',') {
                break;
            }
            end++;
        }
        return trimmed.substring(0, end).toLowerCase(Locale.ROOT);
    }

    public SourceFile source() {
        return source;
    }

    public boolean fenced() {
        return fenced;
    }

    /** Info string as written (unescaped), empty for none. */
    public String info() {
        return info;
    }

    /** Lower-cased first word of the info string; empty when the fence has no info string. */
    public String language() {
        return language;
    }

    /**
     * The language rules should read the block as: the tag, or for a fenced block without an info
     * string the language its content is confidently recognised as ({@link LanguageGuesser}),
     * else empty. An untagged workflow, manifest or alert rule file is thereby checked like a
     * tagged one; {@code markdown/code-block-language} still asks for the tag.
     */
    public String effectiveLanguage() {
        if (!language.isEmpty() || !fenced || !info.isBlank()) {
            return language;
        }
        return guessedLanguage().map(LanguageGuesser.Guess::tag).orElse("");
    }

    /** True when {@link #effectiveLanguage()} is one of {@code names}. */
    public boolean isEffectively(String... names) {
        String effective = effectiveLanguage();
        for (String name : names) {
            if (effective.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** For a fenced block without an info string, what its content confidently is; computed once. */
    public Optional<LanguageGuesser.Guess> guessedLanguage() {
        if (!fenced || !info.isBlank()) {
            return Optional.empty();
        }
        Optional<LanguageGuesser.Guess> result = guess;
        if (result == null) {
            synchronized (this) {
                if (guess == null) {
                    guess = LanguageGuesser.builtIn().guess(this);
                }
                result = guess;
            }
        }
        return result;
    }

    public boolean hasLanguage() {
        return !language.isEmpty();
    }

    public boolean isLanguage(String... names) {
        for (String name : names) {
            if (language.equals(name)) {
                return true;
            }
        }
        return false;
    }

    public boolean closed() {
        return closed;
    }

    /** True when the block sits inside a list item or block quote. */
    public boolean nested() {
        return nested;
    }

    /** The whole block, fences included. */
    public Range range() {
        return range;
    }

    /** The opening fence line (for indented blocks: the first line). */
    public Range openingFence() {
        return openingFence;
    }

    /** Content lines without line terminators. */
    public List<String> lines() {
        return lines;
    }

    /** Content joined with '\n' and ending with '\n' (empty when there are no lines). */
    public String content() {
        return content;
    }

    public int lineCount() {
        return lines.size();
    }

    /** 1-based file line of content line {@code line0}; past the end, the closing fence line. */
    public int fileLine(int line0) {
        if (lines.isEmpty()) {
            return openingFence.start().line();
        }
        int clamped = Math.max(0, Math.min(line0, lines.size() - 1));
        return source.lineOf(lineOffsets[clamped]) + (line0 - clamped);
    }

    /** File offset of column {@code col0} (0-based, UTF-16) on content line {@code line0} (0-based). */
    public int fileOffset(int line0, int col0) {
        if (lines.isEmpty()) {
            return openingFence.end().offset();
        }
        if (line0 >= lines.size()) {
            int last = lines.size() - 1;
            return lineOffsets[last] + lines.get(last).length();
        }
        int line = Math.max(0, line0);
        int col = Math.max(0, Math.min(col0, lines.get(line).length()));
        return lineOffsets[line] + col;
    }

    public Position position(int line0, int col0) {
        return source.position(fileOffset(line0, col0));
    }

    /** Range inside the block from (line0, col0) to (endLine0, endCol0), all 0-based. */
    public Range range(int line0, int col0, int endLine0, int endCol0) {
        return new Range(position(line0, col0), position(endLine0, endCol0));
    }

    /** Range of a whole content line (0-based). */
    public Range lineRange(int line0) {
        int lineIndex = Math.max(0, Math.min(line0, Math.max(0, lines.size() - 1)));
        int length = lines.isEmpty() ? 0 : lines.get(lineIndex).length();
        return range(lineIndex, 0, lineIndex, length);
    }

    /** Range of the first content line, or of the opening fence when the block is empty. */
    public Range firstLineRange() {
        return lines.isEmpty() ? openingFence : lineRange(0);
    }

    /** Offset (block-relative, in {@link #content()}) to (line0, col0). */
    public int[] lineColumnOf(int contentOffset) {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < lines.size(); i++) {
            int next = lineStart + lines.get(i).length() + 1;
            if (contentOffset < next) {
                return new int[] {i, contentOffset - lineStart};
            }
            lineStart = next;
            line = i + 1;
        }
        return new int[] {line, 0};
    }

    /** Range of [start, end) expressed as offsets into {@link #content()}. */
    public Range contentRange(int start, int end) {
        int[] a = lineColumnOf(start);
        int[] b = lineColumnOf(Math.max(start, end));
        return range(a[0], a[1], b[0], b[1]);
    }

    /** The block parsed as YAML (all documents), computed once. */
    public YamlBlock yaml() {
        YamlBlock result = yaml;
        if (result == null) {
            synchronized (this) {
                if (yaml == null) {
                    yaml = YamlBlock.parse(this);
                }
                result = yaml;
            }
        }
        return result;
    }

    /** The block parsed as JSON with the fallback chain, computed once. */
    public JsonBlock json() {
        JsonBlock result = json;
        if (result == null) {
            synchronized (this) {
                if (json == null) {
                    json = JsonBlock.parse(this);
                }
                result = json;
            }
        }
        return result;
    }

    /** The block parsed as HCL2 native syntax (Terraform), computed once. */
    public HclBlock hcl() {
        HclBlock result = hcl;
        if (result == null) {
            synchronized (this) {
                if (hcl == null) {
                    hcl = HclBlock.parse(this);
                }
                result = hcl;
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return "CodeBlock[" + language + " at " + source.displayPath() + ":" + range.start().line() + "]";
    }
}
