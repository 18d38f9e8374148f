package io.opsdoc.core.doctype;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The catalogue of document types: the four built-in ones plus any the configuration adds. */
public final class DocumentTypes {
    /** The four documents of the DevOps role, in the order the role produces them. */
    public static final List<String> BUILT_IN = List.of(
            "cicd-pipeline", "infrastructure-as-code", "monitoring-strategy", "deployment-strategy");

    private final Map<String, DocumentType> types;

    public DocumentTypes(Collection<DocumentType> types) {
        Map<String, DocumentType> map = new LinkedHashMap<>();
        types.forEach(t -> map.put(t.id(), t));
        this.types = java.util.Collections.unmodifiableMap(map);
    }

    /** The built-in types; parsed once (immutable), since every configuration folder asks for them. */
    public static DocumentTypes builtIn() {
        return BuiltIn.TYPES;
    }

    private static final class BuiltIn {
        static final DocumentTypes TYPES = loadBuiltIn();
    }

    private static DocumentTypes loadBuiltIn() {
        try (InputStream in = DocumentTypes.class.getResourceAsStream("doctypes.yaml")) {
            if (in == null) {
                throw new IllegalStateException("doctypes.yaml missing from the opsdoc jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new DocumentTypes(parse(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<DocumentType> parse(String yaml) {
        Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
        List<DocumentType> result = new ArrayList<>();
        root.forEach((id, value) -> result.add(fromMap(id, (Map<String, Object>) value)));
        return result;
    }

    @SuppressWarnings("unchecked")
    public static DocumentType fromMap(String id, Map<String, Object> map) {
        List<RequiredSection> sections = new ArrayList<>();
        for (Object item : (List<Object>) map.getOrDefault("sections", List.of())) {
            if (item instanceof String title) {
                sections.add(new RequiredSection(title, List.of(), Optional.empty(), ""));
                continue;
            }
            Map<String, Object> s = (Map<String, Object>) item;
            List<String> aliases = new ArrayList<>();
            ((List<Object>) s.getOrDefault("aliases", List.of())).forEach(a -> aliases.add(String.valueOf(a)));
            sections.add(new RequiredSection(
                    String.valueOf(s.get("title")),
                    aliases,
                    Optional.ofNullable((String) s.get("parent")),
                    String.valueOf(s.getOrDefault("guidance", ""))));
        }
        return new DocumentType(
                id,
                String.valueOf(map.getOrDefault("file", id + ".md")),
                String.valueOf(map.getOrDefault("title", id)),
                sections);
    }

    public Optional<DocumentType> get(String id) {
        return Optional.ofNullable(types.get(id));
    }

    public Collection<DocumentType> all() {
        return types.values();
    }

    /** The type whose default file name is {@code fileName} (case-insensitive). */
    public Optional<DocumentType> byFileName(String fileName) {
        return types.values().stream().filter(t -> t.fileName().equalsIgnoreCase(fileName)).findFirst();
    }

    /** A copy with {@code extra} types added or replacing same-id ones. */
    public DocumentTypes with(Collection<DocumentType> extra) {
        Map<String, DocumentType> map = new LinkedHashMap<>();
        for (String id : BUILT_IN) {
            if (types.containsKey(id)) {
                map.put(id, types.get(id));
            }
        }
        map.putAll(types);
        extra.forEach(t -> map.put(t.id(), t));
        return new DocumentTypes(map.values());
    }
}
