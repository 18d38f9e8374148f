package io.opsdoc.core.source;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The text of one file with its line table. The BOM, when present, is removed from {@link #text()}
 * and remembered so that offsets and columns are not shifted by it and writers can restore it.
 */
public final class SourceFile {
    private static final char BOM = '\uFEFF';

    private final Path path;
    private final String displayPath;
    private final String text;
    private final boolean bom;
    private final LineEnding lineEnding;
    private final int[] lineStarts;

    private SourceFile(Path path, String displayPath, String text, boolean bom) {
        this.path = path;
        this.displayPath = displayPath;
        this.text = text;
        this.bom = bom;
        // One pass over the text for both: it is read once per file of every run.
        int[] counts = new int[3];
        this.lineStarts = computeLineStarts(text, counts);
        this.lineEnding = lineEnding(counts[0], counts[1], counts[2]);
    }

    /** Creates a source from raw decoded text, stripping a leading BOM. */
    public static SourceFile of(Path path, String displayPath, String rawText) {
        boolean hasBom = !rawText.isEmpty() && rawText.charAt(0) == BOM;
        return new SourceFile(path, displayPath, hasBom ? rawText.substring(1) : rawText, hasBom);
    }

    public static SourceFile ofText(String displayPath, String rawText) {
        return of(Path.of(displayPath), displayPath, rawText);
    }

    public Path path() {
        return path;
    }

    /** Path as shown to users: relative to the working directory when possible, with '/' separators. */
    public String displayPath() {
        return displayPath;
    }

    /** File text without BOM. */
    public String text() {
        return text;
    }

    public boolean hasBom() {
        return bom;
    }

    public LineEnding lineEnding() {
        return lineEnding;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 0-based offset where 1-based {@code line} starts. */
    public int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line - 1, lineStarts.length - 1))];
    }

    /** 0-based offset just past the content of 1-based {@code line}, excluding its terminator. */
    public int lineContentEnd(int line) {
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > lineStart(line) && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** Text of 1-based {@code line} without its terminator. */
    public String lineText(int line) {
        return text.substring(lineStart(line), lineContentEnd(line));
    }

    /** 1-based line holding {@code offset}. */
    public int lineOf(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int index = Arrays.binarySearch(lineStarts, clamped);
        if (index < 0) {
            index = -index - 2;
        }
        return index + 1;
    }

    public Position position(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int line = lineOf(clamped);
        return new Position(line, clamped - lineStart(line) + 1, clamped);
    }

    public Range range(int startOffset, int endOffset) {
        return new Range(position(startOffset), position(Math.max(startOffset, endOffset)));
    }

    /** Range covering the content of a whole 1-based line. */
    public Range lineRange(int line) {
        return range(lineStart(line), lineContentEnd(line));
    }

    /** Offset of a 1-based line and 1-based UTF-16 column. */
    public int offset(int line, int column) {
        return Math.min(lineStart(line) + column - 1, text.length());
    }

    /**
     * Where each line starts; counts the terminators into {@code counts}: {@code \n} alone,
     * {@code \r\n} and {@code \r} alone, in that order.
     */
    private static int[] computeLineStarts(String text, int[] counts) {
        int[] starts = new int[16];
        int count = 1;
        int length = text.length();
        // Every file of a run passes here once, mostly before the JIT has compiled it.
        LineEnds ends = new LineEnds(text);
        int from = 0;
        while (true) {
            int i = ends.after(from);
            if (i >= length) {
                break;
            }
            if (text.charAt(i) == '\n') {
                counts[0]++;
            } else if (i + 1 < length && text.charAt(i + 1) == '\n') {
                counts[1]++;
                // The \n that follows ends this line.
                i++;
            } else {
                counts[2]++;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
            from = i + 1;
        }
        // A terminator at the very end does not open a line a user can see.
        if (count > 1 && starts[count - 1] == length) {
            count--;
        }
        return Arrays.copyOf(starts, count);
    }

    /** The line ending most lines use: LF unless CRLF or CR lines outnumber LF lines. */
    private static LineEnding lineEnding(int lf, int crlf, int cr) {
        if (crlf > lf && crlf >= cr) {
            return LineEnding.CRLF;
        }
        if (cr > lf && cr > crlf) {
            return LineEnding.CR;
        }
        return LineEnding.LF;
    }

    public boolean endsWithNewline() {
        return !text.isEmpty() && (text.endsWith("\n") || text.endsWith("\r"));
    }
}
