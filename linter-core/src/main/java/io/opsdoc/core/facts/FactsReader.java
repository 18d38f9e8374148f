package io.opsdoc.core.facts;

import io.opsdoc.core.config.Config;
import io.opsdoc.core.config.ConfigProvider;
import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.engine.FileDiscovery;
import io.opsdoc.core.engine.Notice;
import io.opsdoc.core.engine.SourceLoader;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.MarkdownParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the facts of the Markdown files under some paths, typed the way {@code opsdoc check} types them. */
public final class FactsReader {
    /** The facts of each readable file, in discovery order, and what could not be read. */
    public record Result(List<DocumentFacts> documents, List<Notice> notices) {
        public Result {
            documents = List.copyOf(documents);
            notices = List.copyOf(notices);
        }
    }

    private final ConfigProvider configs;
    private final Path workingDirectory;
    private final long maxFileBytes;

    public FactsReader(ConfigProvider configs, Path workingDirectory, long maxFileBytes) {
        this.configs = configs;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.maxFileBytes = maxFileBytes;
    }

    public Result read(List<Path> paths) {
        FileDiscovery discovery = new FileDiscovery(workingDirectory);
        FileDiscovery.Result found = discovery.discover(paths, p -> configs.configFor(p).ignored(discovery.display(p)));
        List<Notice> notices = new ArrayList<>(found.notices());
        List<DocumentFacts> documents = new ArrayList<>();
        SourceLoader loader = new SourceLoader(maxFileBytes);
        MarkdownParser parser = new MarkdownParser();
        for (Path file : found.files()) {
            SourceLoader.Loaded loaded = loader.load(file, discovery.display(file));
            if (!loaded.ok()) {
                notices.add(loaded.notice());
                continue;
            }
            MarkdownDocument doc;
            try {
                doc = parser.parse(loaded.source());
            } catch (StackOverflowError e) {
                notices.add(new Notice(loaded.source().displayPath(), Notice.Kind.SKIPPED,
                        "skipped: Markdown nesting is too deep to read"));
                continue;
            }
            Config config = configs.configFor(loaded.source().path());
            documents.add(DocumentFacts.of(doc, type(doc, config)));
        }
        return new Result(documents, notices);
    }

    /** Front matter, then configuration, then the file name: the order {@code check} uses. */
    static Optional<DocumentType> type(MarkdownDocument doc, Config config) {
        Optional<String> declared = doc.declaredType().or(() -> config.typeFor(doc.path()));
        if (declared.isPresent()) {
            return config.types().get(declared.get());
        }
        Path name = doc.source().path().getFileName();
        return name == null ? Optional.empty() : config.types().byFileName(name.toString());
    }
}
