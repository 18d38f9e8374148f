package io.opsdoc.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.opsdoc.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Maven plugin is the one module allowed to depend on cli: it is a second front end of the
 * command line (like {@code Main.main}), so it uses nothing of cli but {@link Main#run}. That keeps
 * options, formats and exit codes in one place, and cli free to change its internals.
 * cli's own ArchitectureTest cannot see this module (cli does not depend on it), hence this test.
 */
class PluginArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.opsdoc");
    }

    @Test
    void onlyTheCommandLinesEntryPointIsUsed() {
        classes().that().resideInAPackage("io.opsdoc.maven..")
                .should().onlyDependOnClassesThat(
                        DescribedPredicate.describe("anything but cli internals",
                                c -> !c.getPackageName().startsWith("io.opsdoc.cli") || c.getName().equals(Main.class.getName())))
                .check(classes);
    }

    @Test
    void noOtherModuleDependsOnThePlugin() {
        noClasses().that().resideOutsideOfPackage("io.opsdoc.maven..")
                .should().dependOnClassesThat().resideInAPackage("io.opsdoc.maven..")
                .check(classes);
    }

    @Test
    void thePluginWritesOnlyToMavensLog() {
        noClasses().that().resideInAPackage("io.opsdoc.maven..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(classes);
    }
}
