package backprop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Layering (design.md: data flows one way, the engine never calls the UI) and the no-hidden-state
 * rule for ops. The engine, scenarios and command line must run headless, without JavaFX or AWT.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("backprop");
    }

    @Test
    void engineScenariosAndCliDoNotDependOnAnyUi() {
        noClasses().that().resideInAnyPackage("backprop.engine..", "backprop.scenarios..", "backprop.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "backprop.ui..")
                .check(classes);
    }

    @Test
    void engineDoesNotDependOnCliOrScenarios() {
        noClasses().that().resideInAPackage("backprop.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("backprop.cli..", "backprop.scenarios..")
                .check(classes);
    }

    @Test
    void opsHaveNoMutableInstanceFields() {
        // a non-final instance field in an op would be a cache between forward and backward,
        // which breaks stepping back through a trace
        fields().that().areDeclaredInClassesThat().resideInAPackage("backprop.engine.op")
                .and().areNotStatic()
                .should().beFinal()
                .check(classes);
    }

    @Test
    void opsHaveNoMutableStaticFieldsEither() {
        fields().that().areDeclaredInClassesThat().resideInAPackage("backprop.engine.op")
                .and().areStatic()
                .should().beFinal()
                .check(classes);
    }

    @Test
    void theRulesSeeTheClassesTheyAreAbout() {
        // an empty import would make every rule above pass vacuously
        org.assertj.core.api.Assertions.assertThat(classes.contain("backprop.engine.op.Elementwise")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("backprop.engine.Iteration")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("backprop.cli.Cli")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("backprop.scenarios.Scenarios")).isTrue();
    }
}
