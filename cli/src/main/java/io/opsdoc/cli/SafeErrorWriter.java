package io.opsdoc.cli;

import io.opsdoc.core.text.Printable;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Standard error with a safety net: every control character that is not a line end is escaped
 * ({@link Printable}), whoever prints the message. Messages that quote document content, file
 * names or configuration keys escape their line breaks themselves (a Writer cannot tell a quoted
 * LF from the end of a line); this net catches the rest: an ESC sequence, a bare CR (the GitHub
 * Actions runner also ends a line there and would read a following {@code ::error}), U+2028.
 * The progress line, which redraws itself with CR on a terminal only, writes to {@link #raw()}.
 */
final class SafeErrorWriter extends PrintWriter {
    private final PrintWriter raw;

    SafeErrorWriter(PrintWriter raw) {
        super(new Escaping(raw), true);
        this.raw = raw;
    }

    /** The stream without the net, for output that must move the cursor. */
    PrintWriter raw() {
        return raw;
    }

    /** {@code err} itself, or the stream under it when it is a {@link SafeErrorWriter}. */
    static PrintWriter rawOf(PrintWriter err) {
        return err instanceof SafeErrorWriter safe ? safe.raw() : err;
    }

    private static final class Escaping extends FilterWriter {
        Escaping(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            char ch = (char) c;
            out.write(ch == '\n' || !Printable.isUnsafe(ch) ? String.valueOf(ch) : Printable.escape(String.valueOf(ch)));
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            write(new String(buffer, offset, length), 0, length);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            StringBuilder sb = new StringBuilder(length);
            int end = offset + length;
            for (int i = offset; i < end; i++) {
                char c = text.charAt(i);
                boolean lineEnd = c == '\n' || (c == '\r' && i + 1 < end && text.charAt(i + 1) == '\n');
                if (lineEnd || !Printable.isUnsafe(c)) {
                    sb.append(c);
                } else {
                    sb.append(Printable.escape(String.valueOf(c)));
                }
            }
            out.write(sb.toString());
        }
    }
}
