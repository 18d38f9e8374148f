package io.opsdoc.cli.report;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What reporters need besides the result.
 *
 * @param workingDirectory the folder paths are relative to
 * @param category SARIF automationDetails id (--category), empty when not given
 * @param color whether text output may use ANSI colours
 */
public record ReportContext(Path workingDirectory, String toolVersion, Optional<String> category, boolean color) {
}
