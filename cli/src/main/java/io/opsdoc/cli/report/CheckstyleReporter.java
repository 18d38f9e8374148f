package io.opsdoc.cli.report;

import com.puppycrawl.tools.checkstyle.AbstractAutomaticBean.OutputStreamOptions;
import com.puppycrawl.tools.checkstyle.XMLLogger;
import com.puppycrawl.tools.checkstyle.api.AuditEvent;
import com.puppycrawl.tools.checkstyle.api.SeverityLevel;
import com.puppycrawl.tools.checkstyle.api.Violation;
import io.opsdoc.core.Level;
import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.engine.Notice;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.text.Printable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checkstyle XML ({@code <checkstyle><file name><error line column severity message source/>}),
 * written by Checkstyle's own {@link XMLLogger} so CI tools that read Checkstyle reports read it
 * exactly as they read Checkstyle's. Checkstyle classes load only when this format is chosen:
 * nothing else refers to this class except through {@link Formats}' supplier.
 *
 * <p>{@code source} is Checkstyle's {@code class#id} form: this class's name, then the rule id.
 */
public final class CheckstyleReporter implements Reporter {
    /** The message goes in as an argument: Violation formats its pattern with MessageFormat, which would eat quotes and braces. */
    private static final String VERBATIM = "{0}";
    private static final String NOTICE_ID = "opsdoc/notice";
    private static final java.util.regex.Pattern ROOT_VERSION = java.util.regex.Pattern.compile("<checkstyle version=\"[^\"]*\"");

    @Override
    public void write(LintResult result, ReportContext context, Writer out) throws IOException {
        Map<String, List<Violation>> byFile = new TreeMap<>();
        result.files().keySet().forEach(file -> byFile.put(xmlSafe(file), new ArrayList<>()));
        for (Finding f : result.active()) {
            byFile.computeIfAbsent(xmlSafe(f.file()), k -> new ArrayList<>()).add(new Violation(f.line(), f.column(), null,
                    null, new Object[] {xmlSafe(f.message())}, severity(f.level()), xmlSafe(f.ruleId()),
                    CheckstyleReporter.class, VERBATIM));
        }
        for (Notice notice : result.notices()) {
            byFile.computeIfAbsent(xmlSafe(notice.file()), k -> new ArrayList<>()).add(new Violation(1, 0, null, null,
                    new Object[] {xmlSafe(notice.message())}, notice.kind() == Notice.Kind.ERROR ? SeverityLevel.ERROR
                            : SeverityLevel.WARNING, NOTICE_ID, CheckstyleReporter.class, VERBATIM));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        XMLLogger logger = new XMLLogger(bytes, OutputStreamOptions.CLOSE);
        logger.auditStarted(new AuditEvent(this));
        for (Map.Entry<String, List<Violation>> entry : byFile.entrySet()) {
            logger.fileStarted(new AuditEvent(this, entry.getKey()));
            for (Violation violation : entry.getValue()) {
                logger.addError(new AuditEvent(this, entry.getKey(), violation));
            }
            logger.fileFinished(new AuditEvent(this, entry.getKey()));
        }
        logger.auditFinished(new AuditEvent(this));
        out.write(withVersion(bytes.toString(StandardCharsets.UTF_8), context.toolVersion()));
        out.flush();
    }

    /**
     * XMLLogger writes its own package's version, which the shaded jar does not have ("null"):
     * the report carries the version of opsdoc, the tool that wrote it.
     */
    static String withVersion(String xml, String version) {
        String safe = xmlSafe(version).replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        return ROOT_VERSION.matcher(xml).replaceFirst(java.util.regex.Matcher.quoteReplacement("<checkstyle version=\"" + safe + "\""));
    }

    /**
     * XML 1.0 cannot carry most control characters, not even as character references: those are
     * written as visible escapes (backslash, u, four hex digits; ESC as backslash-e), as are the
     * characters XML forbids (U+FFFE, U+FFFF, lone surrogates). Tab, line feed and carriage
     * return stay, as character references. Everything else, non-ASCII and spaces in file names
     * included, is kept as it is.
     */
    static String xmlSafe(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pairedSurrogate) {
                sb.append(c).append(text.charAt(++i));
            } else if (c == '\n' || c == '\r' || c == '\t') {
                sb.append(c);
            } else if (Printable.isUnsafe(c)) {
                sb.append(Printable.escape(String.valueOf(c)));
            } else if (c == '\ufffe' || c == '\uffff' || Character.isSurrogate(c)) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static SeverityLevel severity(Level level) {
        return switch (level) {
            case ERROR -> SeverityLevel.ERROR;
            case WARNING -> SeverityLevel.WARNING;
            case NOTE -> SeverityLevel.INFO;
        };
    }
}
