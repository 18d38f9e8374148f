package io.opsdoc.cli;

import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.DocumentTypes;
import io.opsdoc.rules.structure.Scaffolds;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opsdoc init}: scaffold the four planning documents. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Create the four planning documents (cicd-pipeline.md, infrastructure-as-code.md,",
            "monitoring-strategy.md, deployment-strategy.md) from built-in templates: every required section",
            "in order, a short guidance under each heading and example code blocks to replace.",
            "Existing files are never overwritten: they are skipped and listed."},
        footer = {"", "Exit codes: 0 done (existing files skipped), 2 the folder cannot be written.",
            "Examples:", "  opsdoc init", "  opsdoc init plans/checkout"})
public final class InitCommand implements Callable<Integer> {
    static final String TEMPLATES = "templates/";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "docs/planning",
            description = "Folder for the documents (default: ${DEFAULT-VALUE}); created when missing.")
    Path directory;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new UserException("'" + display(directory) + "' exists and is not a folder");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UserException("cannot create folder '" + display(directory) + "': " + Problems.describe(e));
        }
        DocumentTypes types = DocumentTypes.builtIn();
        int created = 0;
        int skipped = 0;
        for (String id : DocumentTypes.BUILT_IN) {
            DocumentType type = types.get(id).orElseThrow();
            Path target = directory.resolve(type.fileName());
            String shown = display(target);
            if (Files.exists(target)) {
                out.println("skipped " + shown + ": it already exists (init never overwrites a file)");
                skipped++;
                continue;
            }
            try {
                Files.writeString(target, template(type), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                out.println("skipped " + shown + ": it already exists (init never overwrites a file)");
                skipped++;
                continue;
            } catch (IOException | UncheckedIOException e) {
                throw new UserException("cannot write '" + shown + "': " + Problems.describe(e)
                        + (created > 0 ? " (the documents listed above were created)" : ""));
            }
            out.println("created " + shown);
            created++;
        }
        if (created > 0) {
            out.println("Next: replace the guidance and examples with your plan, then run 'opsdoc check "
                    + display(directory) + "'");
        } else if (skipped > 0) {
            out.println("All four documents exist already; nothing to do (use 'opsdoc fix " + display(directory)
                    + "' to add missing sections)");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The built-in template of {@code type}; types without one get the structural scaffold. */
    static String template(DocumentType type) {
        try (InputStream in = InitCommand.class.getResourceAsStream(TEMPLATES + type.id() + ".md")) {
            if (in == null) {
                return Scaffolds.document(type);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String display(Path path) {
        return Problems.oneLine(path.normalize().toString().replace('\\', '/'));
    }
}
