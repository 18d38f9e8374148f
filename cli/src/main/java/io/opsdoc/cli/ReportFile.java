package io.opsdoc.cli;

import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.text.Printable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Writes a report to the file of {@code --output}: never over a document that was just checked,
 * and with input/output failures as one clear line (a {@link UserException}, exit code 2).
 */
final class ReportFile {
    /** Writes the report's content. */
    interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    private ReportFile() {
    }

    static void write(Path output, LintResult result, List<Path> inputs, Content content) {
        Path target = output.toAbsolutePath().normalize();
        refuseInput(target, output, result, inputs);
        if (Files.isDirectory(target)) {
            throw new UserException("cannot write the report to " + shown(output) + ": it is a folder; give a file name");
        }
        try {
            Path parent = target.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer writer = new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8)) {
                content.writeTo(writer);
            }
        } catch (IOException e) {
            throw new UserException("cannot write the report to " + shown(output) + ": " + describe(e));
        }
    }

    /**
     * Refuses an output that is one of the given files or a document read in this run (also
     * through a link). The output's identity is read once and each document's once: comparing
     * pairs with {@link Files#isSameFile} read the output's again for every document.
     */
    private static void refuseInput(Path target, Path output, LintResult result, List<Path> inputs) {
        Object targetKey;
        try {
            targetKey = Files.readAttributes(target, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return;
        }
        for (Path input : inputs) {
            if (Files.isRegularFile(input) && same(target, targetKey, input)) {
                throw refusal(output);
            }
        }
        for (Path checked : result.files().values()) {
            if (same(target, targetKey, checked)) {
                throw refusal(output);
            }
        }
    }

    /** Whether {@code other} is the file {@code target} is, whose file key (null where the system has none) is {@code targetKey}. */
    private static boolean same(Path target, Object targetKey, Path other) {
        Path normalized = other.toAbsolutePath().normalize();
        if (target.equals(normalized)) {
            return true;
        }
        try {
            return targetKey == null ? Files.isSameFile(target, other)
                    : targetKey.equals(Files.readAttributes(other, BasicFileAttributes.class).fileKey());
        } catch (IOException e) {
            return false;
        }
    }

    private static UserException refusal(Path output) {
        return new UserException("refusing to write the report to " + shown(output)
                + ": it is one of the documents being checked; choose another --output file");
    }

    private static String shown(Path path) {
        return Printable.escape(path.toString());
    }

    /** One line for an input/output failure, without a Java class name where a plain reason exists. */
    static String describe(IOException e) {
        String file = e instanceof FileSystemException fs && fs.getFile() != null ? " (" + Printable.escape(fs.getFile()) + ")" : "";
        if (e instanceof AccessDeniedException) {
            return "permission denied" + file;
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder" + file;
        }
        if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
            return "a file is in the way of the folder" + file;
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return Printable.escape(fs.getReason()) + file;
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : Printable.escape(message);
    }
}
