package io.opsdoc.rules.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.opsdoc.core.Level;
import io.opsdoc.core.embedded.BlockKind;
import io.opsdoc.core.embedded.JsonBlock;
import io.opsdoc.core.embedded.YamlBlock;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.hcl.HclAttribute;
import io.opsdoc.core.hcl.HclBody;
import io.opsdoc.core.hcl.HclExpr;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.secret.SecretPatterns;
import io.opsdoc.core.source.Range;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Credentials written into a planning document: known credential shapes anywhere in the file,
 * passwords in URLs to non-local hosts, and secret-named keys with literal values in YAML
 * (parsed tree), JSON (parsed token stream), HCL, shell and .env blocks. Findings are sensitive:
 * messages name the kind and the key, never the value.
 *
 * <p>HCL is read from the parsed tree ({@code name = "literal"}, object items, and
 * {@code default = "literal"} inside a secret-named {@code variable} block); blocks that do not
 * parse (elided or templated snippets) fall back to a conservative line check of quoted literals.
 */
final class HardcodedSecretRule implements DocumentRule {
    static final String ID = "security/hardcoded-secret";

    private static final List<String> YAML = List.of("yaml", "yml");
    private static final List<String> JSON = List.of("json", "jsonc", "json5");
    private static final List<String> HCL = List.of("hcl", "terraform", "tf", "tfvars");
    private static final List<String> SHELL = List.of("sh", "bash", "shell", "zsh", "console", "shell-session",
            "shellsession", "dockerfile", "docker", "powershell", "ps1", "makefile", "make");
    private static final List<String> DOTENV = List.of("env", "dotenv", "properties", "ini", "toml", "conf", "cfg");

    /** {@code NAME=value} in shell, optionally after export/ENV/set; the value quoted or a bare word. */
    private static final Pattern SHELL_ASSIGNMENT = Pattern.compile(
            "(?:^|[\\s;&|(])(?:(?:export|ENV|set|local|readonly|declare)\\s+(?:-[a-z]+\\s+)?)?"
                    + "([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|'[^']*'|[^\\s;&|)]+)");
    /** {@code --password=value} or {@code --from-literal=key=value} command-line flags. */
    private static final Pattern SHELL_FLAG = Pattern.compile(
            "(?:^|\\s)--(?:from-literal=([A-Za-z_][\\w.-]*)=|([a-z][a-z0-9-]*)(?:=|\\s+))(\"[^\"]*\"|'[^']*'|[^\\s\"'-][^\\s]*)");
    private static final Pattern DOTENV_LINE = Pattern.compile(
            "^\\s*(?:export\\s+)?([A-Za-z_][\\w.-]*)\\s*[=:]\\s*(\"[^\"]*\"|'[^']*'|[^\\s#;]+)");
    private static final Pattern HCL_ATTRIBUTE = Pattern.compile(
            "^\\s*([A-Za-z_][\\w-]*)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(?:#.*|//.*)?,?$");
    private static final Pattern HCL_VARIABLE = Pattern.compile("^\\s*variable\\s+\"([^\"]+)\"");
    private static final Pattern YAML_LINE = Pattern.compile(
            "^\\s*(?:-\\s+)?([\"']?)([A-Za-z_][\\w.-]*)\\1\\s*:\\s+(\"[^\"]*\"|'[^']*'|[^\\s#][^#]*?)\\s*(?:#.*)?$");

    private static final String HELP = """
            A credential in a planning document leaks to everyone who can read the repository, its
            forks and its history, and stays valid long after the document is fixed. Reported:

            - known credential shapes anywhere in the file: AWS access key IDs (`AKIA…`, `ASIA…`),
              private key blocks, GitHub (`ghp_`, `gho_`, `ghs_`, `github_pat_`), GitLab (`glpat-`),
              Slack tokens and webhook URLs, Google API keys, Stripe live keys, SendGrid and npm
              tokens, JSON Web Tokens;
            - `user:password@host` in URLs, unless the host is local (`localhost`, `127.0.0.1`,
              `*.local`, `host.docker.internal`);
            - keys named like a secret (`password`, `DB_PASSWORD`, `client_secret`, `apiKey`,
              `auth_token`, `secret_access_key`…) whose value is a literal: in YAML and JSON
              (parsed), Terraform/HCL (`name = "literal"`), shell (`export DB_PASSWORD=…`,
              `--password=…`, `kubectl create secret … --from-literal=password=…`) and `.env` blocks;
            - in prose, tables, inline code and untagged blocks: `password=…`, `The admin password: …`
              (a secret-named key, `=` or `:`, and one value with letters and digits or symbols that, after a
              colon, ends the sentence or line).

            Not reported: references (`var.db_password`, `${{ secrets.DB_PASSWORD }}`,
            `{{ .Values.db.password }}`, `${DB_PASSWORD}`, `$DB_PASSWORD`, `vault:…`, `arn:…:secretsmanager:…`,
            `secretKeyRef`/`valueFrom`), booleans and numbers (`manage_master_user_password = true`),
            commit SHAs and `sha256:` digests, obvious placeholders (`changeme`, `<password>`, `***`,
            `REDACTED`, `your-password-here`, `some-secret`, elided values with `...`, AWS's documented
            `…EXAMPLE` keys), type names (`password: string`), test credentials on local hosts (and in a GitHub Actions job's `services` containers), Cloud KMS key \
            resource names (`projects/…/cryptoKeys/…`), GitHub Actions
            `permissions` (`id-token: write`) and prose that talks about secrets ("the password is stored in
            Vault", "password: see 1Password", "add a secret named DEPLOY_KEY in the repository settings"). The message names the kind of secret and the key, never the value, and
            reports do not show the line.

            **How to fix**: revoke the credential (it is compromised once committed), then reference
            it from a secrets manager, CI secrets or the environment:

            ```yaml
            env:
              - name: DB_PASSWORD
                valueFrom:
                  secretKeyRef:
                    name: checkout-db
                    key: password
            ```

            ```hcl
            resource "aws_db_instance" "main" {
              manage_master_user_password = true # RDS keeps it in Secrets Manager
            }
            ```
            """;

    static final Message TOKEN = Message.of("token",
            "{0} in the document; revoke it and reference it from a secrets manager or CI secret instead");
    static final Message URL_PASSWORD = Message.of("url-password",
            "password embedded in a URL to host '{0}'; take the credentials from a secret or the environment "
                    + "instead");
    static final Message KEY_VALUE = Message.of("key-value",
            "hardcoded {0} in '{1}'; reference a secret (secrets manager, CI secret or environment variable) "
                    + "instead of the literal value");

    private static final RuleMeta META = RuleMeta.of(ID, Level.ERROR,
            "A credential (access key, private key, token, webhook URL, password literal) in the document",
            HELP, List.of("security", "secrets")).withSecuritySeverity("9.0")
            .withMessages(TOKEN, URL_PASSWORD, KEY_VALUE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** One finding before de-duplication. */
    private record Hit(int start, int end, Said message) {
    }

    /** A declared message with its arguments. */
    private record Said(Message message, List<Object> args) {
        Said(Message message, Object... args) {
            this(message, List.of(args));
        }
    }

    @Override
    public void check(DocumentContext context) {
        MarkdownDocument document = context.document();
        List<Hit> shapes = new ArrayList<>();
        findShapes(document.text(), shapes);
        List<Hit> keys = new ArrayList<>();
        for (CodeBlock block : document.codeBlocks()) {
            String language = block.language();
            if (YAML.contains(language)) {
                yaml(block, keys);
            } else if (JSON.contains(language)) {
                json(block, keys);
            } else if (HCL.contains(language)) {
                hcl(block, keys);
            } else if (SHELL.contains(language)) {
                shell(block, keys);
            } else if (DOTENV.contains(language)) {
                dotenv(block, keys);
            }
        }
        List<Hit> accepted = new ArrayList<>();
        shapes.sort(Comparator.comparingInt(Hit::start));
        for (Hit hit : shapes) {
            addUnlessOverlapping(accepted, hit);
        }
        for (Hit hit : keys) {
            addUnlessOverlapping(accepted, hit);
        }
        List<Hit> prose = new ArrayList<>();
        prose(document, prose);
        for (Hit hit : prose) {
            addUnlessOverlapping(accepted, hit);
        }
        accepted.sort(Comparator.comparingInt(Hit::start));
        for (Hit hit : accepted) {
            Range range = document.source().range(hit.start(), hit.end());
            context.report(Report.of(range, hit.message().message(), hit.message().args().toArray()).asSensitive());
        }
    }

    private static void addUnlessOverlapping(List<Hit> accepted, Hit hit) {
        for (Hit other : accepted) {
            if (hit.start() < other.end() && other.start() < hit.end()) {
                return;
            }
        }
        accepted.add(hit);
    }

    private static void findShapes(String text, List<Hit> hits) {
        for (SecretPatterns.Found found : SecretPatterns.shapesIn(text)) {
            hits.add(new Hit(found.start(), found.end(), new Said(TOKEN, found.kind())));
        }
        for (SecretPatterns.Found found : SecretPatterns.urlPasswordsIn(text)) {
            hits.add(new Hit(found.start(), found.end(), new Said(URL_PASSWORD, found.host().orElse(""))));
        }
    }

    /**
     * {@code password=hunter2} and {@code The admin password: hunter2} outside the code blocks
     * read above (prose, tables, inline code, untagged blocks): those blocks are blanked so
     * offsets stay those of the file.
     */
    private static void prose(MarkdownDocument document, List<Hit> hits) {
        String original = document.text();
        if (document.codeBlocks().stream().noneMatch(block -> analysed(block.language()))) {
            // Nothing to blank: scan the text itself instead of a copy.
            addAssignments(SecretPatterns.assignmentsIn(original), hits);
            return;
        }
        char[] text = original.toCharArray();
        for (CodeBlock block : document.codeBlocks()) {
            if (analysed(block.language())) {
                int from = block.range().start().offset();
                int to = Math.min(block.range().end().offset(), text.length);
                for (int i = from; i < to; i++) {
                    if (text[i] != '\n' && text[i] != '\r') {
                        text[i] = ' ';
                    }
                }
            }
        }
        addAssignments(SecretPatterns.assignmentsIn(new String(text)), hits);
    }

    private static void addAssignments(List<SecretPatterns.Found> assignments, List<Hit> hits) {
        for (SecretPatterns.Found found : assignments) {
            hits.add(new Hit(found.start(), found.end(), keyMessage(found.kind(), found.key().orElse(found.kind()))));
        }
    }

    private static boolean analysed(String language) {
        return YAML.contains(language) || JSON.contains(language) || HCL.contains(language) || SHELL.contains(language)
                || DOTENV.contains(language);
    }

    private static Said keyMessage(String kind, String key) {
        return new Said(KEY_VALUE, kind, key);
    }

    // ---- YAML: the composed tree; a conservative line check when the block does not parse.

    private static void yaml(CodeBlock block, List<Hit> hits) {
        YamlBlock yaml = block.yaml();
        if (!yaml.valid()) {
            if (yaml.kind() != BlockKind.EMPTY) {
                yamlLines(block, hits);
            }
            return;
        }
        for (Node root : yaml.documents()) {
            // GitHub Actions' `permissions:` maps scopes (id-token, contents) to access levels, never to secrets.
            Set<Node> skipped = Collections.newSetFromMap(new IdentityHashMap<>());
            YamlNodes.walk(root, node -> {
                if (node instanceof MappingNode map) {
                    YamlNodes.get(map, "permissions").ifPresent(skipped::add);
                    serviceContainerEnv(map, skipped);
                }
            });
            YamlNodes.walk(root, node -> {
                if (node instanceof MappingNode map && !skipped.contains(map)) {
                    yamlMapping(yaml, map, hits);
                } else if (node instanceof SequenceNode seq) {
                    for (Node item : seq.getValue()) {
                        yamlAssignmentItem(yaml, item, hits);
                    }
                }
            });
        }
    }

    /**
     * The {@code env} of a GitHub Actions job's service containers ({@code jobs.<id>.services.<name>.env}):
     * throw-away databases reachable only from the job on localhost, whose test credentials are not
     * secrets. Compose's top-level {@code services} is not skipped: it may describe a real deployment.
     */
    private static void serviceContainerEnv(MappingNode job, Set<Node> skipped) {
        if (!YamlNodes.has(job, "runs-on")) {
            return;
        }
        for (NodeTuple service : YamlNodes.entries(YamlNodes.get(job, "services").orElse(null))) {
            YamlNodes.get(service.getValueNode(), "env").ifPresent(skipped::add);
        }
    }

    private static void yamlMapping(YamlBlock yaml, MappingNode map, List<Hit> hits) {
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && tuple.getValueNode() instanceof ScalarNode value) {
                Optional<String> kind = SecretPatterns.secretKind(key.getValue());
                if (kind.isPresent() && yamlLiteral(value) && !SecretPatterns.echoesKey(key.getValue(), value.getValue())) {
                    hits.add(hit(yaml.range(value), keyMessage(kind.get(), key.getValue())));
                }
            }
        }
        // Kubernetes/ECS style: {name: DB_PASSWORD, value: literal}
        Optional<String> name = YamlNodes.scalarAt(map, "name");
        Optional<Node> value = YamlNodes.get(map, "value");
        if (name.isPresent() && value.isPresent() && value.get() instanceof ScalarNode scalar) {
            Optional<String> kind = SecretPatterns.secretKind(name.get());
            if (kind.isPresent() && yamlLiteral(scalar) && !SecretPatterns.echoesKey(name.get(), scalar.getValue())) {
                hits.add(hit(yaml.range(scalar), keyMessage(kind.get(), name.get())));
            }
        }
    }

    /** Compose/Actions lists of {@code NAME=value} strings. */
    private static void yamlAssignmentItem(YamlBlock yaml, Node item, List<Hit> hits) {
        if (!(item instanceof ScalarNode scalar) || scalar.getScalarStyle() != ScalarStyle.PLAIN) {
            return;
        }
        String text = scalar.getValue();
        int eq = text.indexOf('=');
        if (eq <= 0 || !text.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return;
        }
        Optional<String> kind = SecretPatterns.secretKind(text.substring(0, eq));
        String value = text.substring(eq + 1);
        if (kind.isPresent() && SecretPatterns.literal(unquote(value))
                && !SecretPatterns.echoesKey(text.substring(0, eq), unquote(value))) {
            int start = yaml.range(scalar).start().offset() + eq + 1;
            hits.add(new Hit(start, start + value.length(), keyMessage(kind.get(), text.substring(0, eq))));
        }
    }

    private static boolean yamlLiteral(ScalarNode value) {
        // Block scalars hold scripts, certificates and configuration; key material is found by its shape.
        if (value.getScalarStyle() == ScalarStyle.LITERAL || value.getScalarStyle() == ScalarStyle.FOLDED) {
            return false;
        }
        boolean plain = value.getScalarStyle() == ScalarStyle.PLAIN;
        if (plain && !Tag.STR.equals(value.getTag())) {
            return false;
        }
        return SecretPatterns.literal(value.getValue());
    }

    private static void yamlLines(CodeBlock block, List<Hit> hits) {
        for (int i = 0; i < block.lineCount(); i++) {
            Matcher m = YAML_LINE.matcher(block.lines().get(i));
            if (m.matches()) {
                lineHit(block, i, m.group(2), m.group(3), m.start(3), hits);
            }
        }
    }

    // ---- JSON: Jackson's token stream over the same text the block parser accepted, for positions.

    /**
     * Built on first use (holder idiom), not when the rules are loaded: only a document with a JSON
     * block needs it, and loading the rules is part of every run's start-up.
     */
    private static final class Json {
        static final JsonFactory FACTORY = JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
                        JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                        JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
                .build();
    }

    private static void json(CodeBlock block, List<Hit> hits) {
        JsonBlock json = block.json();
        String text;
        int shift;
        switch (json.kind()) {
            case VALID, LENIENT, STREAM -> {
                text = block.content();
                shift = 0;
            }
            case FRAGMENT -> {
                text = "{\n" + block.content() + "\n}";
                shift = 2;
            }
            default -> {
                return;
            }
        }
        try (JsonParser parser = Json.FACTORY.createParser(text)) {
            String field = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    field = parser.currentName();
                } else if (token == JsonToken.VALUE_STRING && field != null && parser.getParsingContext().inObject()) {
                    Optional<String> kind = SecretPatterns.secretKind(field);
                    String value = parser.getText();
                    if (kind.isPresent() && SecretPatterns.literal(value) && !SecretPatterns.echoesKey(field, value)) {
                        int at = (int) parser.currentTokenLocation().getCharOffset() - shift;
                        int start = Math.max(0, at);
                        int end = stringEnd(text, at + shift) - shift;
                        hits.add(new Hit(block.contentRange(start, end).start().offset(),
                                block.contentRange(start, end).end().offset(), keyMessage(kind.get(), field)));
                    }
                    field = null;
                } else {
                    field = null;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The block parser accepted it; a token-level surprise only means fewer findings.
        }
    }

    /** Offset just past the closing quote of the string literal that starts at {@code quote}. */
    private static int stringEnd(String text, int quote) {
        if (quote < 0 || quote >= text.length()) {
            return Math.max(0, quote);
        }
        char q = text.charAt(quote);
        for (int i = quote + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == q || c == '\n') {
                return i + 1;
            }
        }
        return text.length();
    }

    // ---- HCL, shell, .env: line checks.

    private static void hcl(CodeBlock block, List<Hit> hits) {
        io.opsdoc.core.embedded.HclBlock hcl = block.hcl();
        if (hcl.valid()) {
            hclBody(hcl, hcl.body(), null, hits);
        } else {
            hclLines(block, hits);
        }
    }

    /** Attributes of {@code body}; {@code variable} is the name of the enclosing {@code variable} block. */
    private static void hclBody(io.opsdoc.core.embedded.HclBlock hcl, HclBody body, String variable, List<Hit> hits) {
        for (HclAttribute attribute : body.attributes()) {
            String name = attribute.name().equals("default") && variable != null ? variable : attribute.name();
            hclValue(hcl, name, attribute.value(), hits);
        }
        for (io.opsdoc.core.hcl.HclBlock nested : body.blocks()) {
            String name = nested.type().equals("variable") && !nested.labels().isEmpty() ? nested.label(0) : null;
            hclBody(hcl, nested.body(), name, hits);
        }
    }

    private static void hclValue(io.opsdoc.core.embedded.HclBlock hcl, String name, HclExpr value, List<Hit> hits) {
        if (value instanceof HclExpr.ObjectCons object) {
            for (HclExpr.ObjectItem item : object.items()) {
                item.keyName().ifPresent(key -> hclValue(hcl, key, item.value(), hits));
            }
            return;
        }
        Optional<String> kind = SecretPatterns.secretKind(name);
        Optional<String> literal = value.literalString();
        if (kind.isPresent() && literal.isPresent() && SecretPatterns.literal(literal.get())
                && !SecretPatterns.echoesKey(name, literal.get())) {
            hits.add(hit(hcl.range(value.range()), keyMessage(kind.get(), name)));
        }
    }

    private static void hclLines(CodeBlock block, List<Hit> hits) {
        String variable = null;
        for (int i = 0; i < block.lineCount(); i++) {
            String line = block.lines().get(i);
            Matcher v = HCL_VARIABLE.matcher(line);
            if (v.find()) {
                variable = v.group(1);
            } else if (line.startsWith("}")) {
                variable = null;
            }
            Matcher m = HCL_ATTRIBUTE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            if (name.equals("default") && variable != null) {
                name = variable;
            }
            lineHit(block, i, name, "\"" + m.group(2) + "\"", m.start(2) - 1, hits);
        }
    }

    private static void shell(CodeBlock block, List<Hit> hits) {
        for (int i = 0; i < block.lineCount(); i++) {
            String line = block.lines().get(i);
            if (line.stripLeading().startsWith("#") && !line.stripLeading().startsWith("#!")) {
                continue;
            }
            // Each pattern needs its literal ('=', "--"): most lines of a script hold neither.
            if (line.indexOf('=') >= 0) {
                Matcher m = SHELL_ASSIGNMENT.matcher(line);
                while (m.find()) {
                    lineHit(block, i, m.group(1), m.group(2), m.start(2), hits);
                }
            }
            if (line.contains("--")) {
                Matcher f = SHELL_FLAG.matcher(line);
                while (f.find()) {
                    String name = f.group(1) != null ? f.group(1) : f.group(2);
                    lineHit(block, i, name, f.group(3), f.start(3), hits);
                }
            }
        }
    }

    private static void dotenv(CodeBlock block, List<Hit> hits) {
        for (int i = 0; i < block.lineCount(); i++) {
            Matcher m = DOTENV_LINE.matcher(block.lines().get(i));
            if (m.find()) {
                lineHit(block, i, m.group(1), m.group(2), m.start(2), hits);
            }
        }
    }

    /** A secret-named {@code name} with a (possibly quoted) literal {@code raw} at column {@code col} of content line {@code line}. */
    private static void lineHit(CodeBlock block, int line, String name, String raw, int col, List<Hit> hits) {
        Optional<String> kind = SecretPatterns.secretKind(name);
        if (kind.isEmpty() || !SecretPatterns.literal(unquote(raw)) || SecretPatterns.echoesKey(name, unquote(raw))) {
            return;
        }
        int start = block.fileOffset(line, col);
        hits.add(new Hit(start, start + raw.strip().length(), keyMessage(kind.get(), name)));
    }

    private static String unquote(String raw) {
        String v = raw.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static Hit hit(Range range, Said message) {
        return new Hit(range.start().offset(), range.end().offset(), message);
    }
}
