package io.opsdoc.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One-line wording of file-system problems for {@code fix} and {@code init}, and escaping of what
 * they print: a file name or document line must not start a new line or carry a terminal escape.
 */
final class Problems {
    private Problems() {
    }

    /** "permission denied: docs/x.md" and the like, instead of an exception's class name and stack. */
    static String describe(Exception e) {
        Exception cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        String file = cause instanceof FileSystemException fs && fs.getFile() != null ? ": " + fs.getFile() : "";
        String what;
        if (cause instanceof AccessDeniedException) {
            what = "permission denied";
        } else if (cause instanceof NoSuchFileException) {
            what = "no such file or folder";
        } else if (cause instanceof FileAlreadyExistsException) {
            what = "it already exists";
        } else if (cause instanceof NotDirectoryException) {
            what = "not a folder";
        } else if (cause instanceof DirectoryNotEmptyException) {
            what = "folder not empty";
        } else if (cause instanceof FileSystemLoopException) {
            what = "symbolic link loop";
        } else if (cause instanceof FileSystemException fs && fs.getReason() != null) {
            what = fs.getReason().toLowerCase(java.util.Locale.ROOT);
        } else if (cause instanceof IOException && cause.getMessage() != null) {
            return oneLine(cause.getMessage());
        } else {
            what = cause.getClass().getSimpleName();
        }
        return oneLine(what + file);
    }

    /** {@code text} with line breaks and other control characters shown as escapes, so it stays one line. */
    static String oneLine(String text) {
        return escape(text, false);
    }

    /** {@code text} (several lines) with control characters other than line feed and tab escaped. */
    static String controlsEscaped(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLines) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && !(keepLines && c == '\n')) || (c >= 0x7f && c <= 0x9f)
                    || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (control) {
                    out.append(switch (c) {
                        case '\n' -> "\\n";
                        case '\r' -> "\\r";
                        default -> String.format("\\u%04x", (int) c);
                    });
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
