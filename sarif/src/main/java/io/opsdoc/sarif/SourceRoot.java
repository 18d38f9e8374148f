package io.opsdoc.sarif;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder that report locations are relative to: the repository root (the nearest folder,
 * from the working directory upwards, holding {@code .git}), else the working directory. Code
 * scanning matches locations against repository paths, so they must not depend on where opsdoc
 * was started.
 *
 * @param root absolute, normalised root folder
 * @param workingDirectory absolute, normalised folder that display paths are relative to
 */
public record SourceRoot(Path root, Path workingDirectory) {
    public SourceRoot {
        root = root.toAbsolutePath().normalize();
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** Root for a run started in {@code workingDirectory}. */
    public static SourceRoot detect(Path workingDirectory) {
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            // .git is a folder in a clone and a file in a worktree or submodule.
            if (Files.exists(dir.resolve(".git"))) {
                return new SourceRoot(dir, cwd);
            }
        }
        return new SourceRoot(cwd, cwd);
    }

    /** A display path (relative to the working directory, or absolute) as a '/'-separated path relative to the root. */
    public String relativePath(String displayPath) {
        Path absolute = workingDirectory.resolve(displayPath.replace('\\', '/')).normalize();
        String relative = root.relativize(absolute).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }

    /** {@link #relativePath} as a relative URI reference: percent-encoded, never absolute. */
    public String uri(String displayPath) {
        return encode(relativePath(displayPath));
    }

    /** Percent-encodes a relative '/'-separated path so it is a valid URI reference ("a b.md" -> "a%20b.md"). */
    public static String encode(String relativePath) {
        try {
            // The multi-argument constructor quotes every character that is illegal in a path;
            // a leading segment holding ':' would read as a scheme, so it is made explicit with "./".
            String path = relativePath.indexOf(':') >= 0 && relativePath.indexOf(':') < indexOrMax(relativePath, '/')
                    ? "./" + relativePath : relativePath;
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot express " + relativePath + " as a URI", e);
        }
    }

    /** The path a relative URI reference written by {@link #encode} stands for. */
    public static String decode(String uri) {
        try {
            String path = new URI(uri).getPath();
            String decoded = path == null ? uri : path;
            return decoded.startsWith("./") ? decoded.substring(2) : decoded;
        } catch (URISyntaxException e) {
            return uri;
        }
    }

    private static int indexOrMax(String text, char c) {
        int i = text.indexOf(c);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
