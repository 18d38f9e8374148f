package io.opsdoc.cli.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.opsdoc.core.Level;
import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.engine.Notice;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.rule.Fix;
import io.opsdoc.sarif.Fingerprints;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The documented JSON format (docs/json-format.md), version 1: field names and meanings are a
 * contract; new fields may be added, none removed or renamed without a new version.
 */
public final class JsonReporter implements Reporter {
    public static final int FORMAT_VERSION = 1;

    @Override
    public void write(LintResult result, ReportContext context, Writer out) throws IOException {
        Fingerprints fingerprints = context.fingerprints(result);
        JsonGenerator json = new JsonFactory().createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.useDefaultPrettyPrinter();
        json.writeStartObject();
        json.writeNumberField("version", FORMAT_VERSION);
        json.writeObjectFieldStart("tool");
        json.writeStringField("name", Tool.NAME);
        json.writeStringField("version", context.toolVersion());
        json.writeStringField("informationUri", Tool.HOME.toString());
        json.writeEndObject();
        json.writeArrayFieldStart("findings");
        for (Finding f : result.findings()) {
            json.writeStartObject();
            json.writeStringField("ruleId", f.ruleId());
            json.writeStringField("level", f.level().id());
            json.writeStringField("message", f.message());
            if (f.messageId().isPresent()) {
                json.writeStringField("messageId", f.messageId().get());
            }
            json.writeStringField("file", f.file());
            json.writeNumberField("line", f.line());
            json.writeNumberField("column", f.column());
            json.writeNumberField("endLine", f.range().end().line());
            json.writeNumberField("endColumn", f.range().end().column());
            json.writeStringField("fingerprint", fingerprints.get(f));
            json.writeBooleanField("suppressed", f.suppressed());
            json.writeBooleanField("fixable", f.fix().filter(Fix::automatic).isPresent());
            json.writeBooleanField("suggestion", f.fix().filter(Fix::suggestion).isPresent());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("notices");
        for (Notice notice : result.notices()) {
            json.writeStartObject();
            json.writeStringField("file", notice.file());
            json.writeStringField("kind", notice.kind().name().toLowerCase(Locale.ROOT));
            json.writeStringField("message", notice.message());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("summary");
        json.writeNumberField("errors", result.count(Level.ERROR));
        json.writeNumberField("warnings", result.count(Level.WARNING));
        json.writeNumberField("notes", result.count(Level.NOTE));
        json.writeNumberField("files", result.filesChecked());
        json.writeNumberField("suppressed", result.findings().size() - result.active().size());
        json.writeEndObject();
        json.writeEndObject();
        json.flush();
        out.write("\n");
        out.flush();
    }
}
