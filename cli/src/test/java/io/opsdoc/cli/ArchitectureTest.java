package io.opsdoc.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the module direction (core <- rules, core <- sarif, everything <- cli) and stdout hygiene. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.opsdoc");
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.opsdoc.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.opsdoc.rules..", "io.opsdoc.sarif..", "io.opsdoc.cli..")
                .check(classes);
    }

    @Test
    void rulesDependOnlyOnCore() {
        noClasses().that().resideInAPackage("io.opsdoc.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("io.opsdoc.sarif..", "io.opsdoc.cli..")
                .check(classes);
    }

    @Test
    void sarifDependsOnlyOnCore() {
        noClasses().that().resideInAPackage("io.opsdoc.sarif..")
                .should().dependOnClassesThat().resideInAnyPackage("io.opsdoc.rules..", "io.opsdoc.cli..")
                .check(classes);
    }

    @Test
    void nothingOutsideTheCliWritesToStandardStreams() {
        noClasses().that().resideOutsideOfPackage("io.opsdoc.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .check(classes);
    }

    @Test
    void theImportSeesEveryModule() {
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("io.opsdoc.core.engine")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("io.opsdoc.rules.structure")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("io.opsdoc.cli")).isTrue();
    }
}
