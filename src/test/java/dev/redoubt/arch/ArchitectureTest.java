package dev.redoubt.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.journal.Journal;
import dev.redoubt.journal.Mode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the feature packages honest: who may touch the AWS SDK, JavaFX and JDBC. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.redoubt");
    }

    @Test
    void onlyAwsAndSandboxUseTheAwsSdk() {
        noClasses().that().resideOutsideOfPackages("dev.redoubt.aws..", "dev.redoubt.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .because("SDK types never leave the AWS adapter and the sandbox")
                .check(classes);
    }

    @Test
    void onlyUiAndAppUseJavaFx() {
        noClasses().that().resideOutsideOfPackages("dev.redoubt.ui..", "dev.redoubt.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp.ikonli..")
                .check(classes);
    }

    @Test
    void commandsNeverTouchJavaFx() {
        noClasses().that().resideInAPackage("dev.redoubt.app.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.redoubt.ui..")
                .because("commands must never start the JavaFX toolkit")
                .check(classes);
    }

    @Test
    void onlyTheJournalUsesJdbc() {
        noClasses().that().resideOutsideOfPackage("dev.redoubt.journal..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..")
                .check(classes);
    }

    @Test
    void findingsAndReportsNeedOnlyTheEstate() {
        noClasses().that().resideInAnyPackage("dev.redoubt.findings..", "dev.redoubt.report..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..", "javafx..", "java.sql..",
                        "dev.redoubt.app..", "dev.redoubt.ui..", "dev.redoubt.aws..", "dev.redoubt.sandbox..")
                .because("checks and reports judge an estate, whichever way it was obtained, and run with no AWS, UI or database code")
                .check(classes);
        noClasses().that().resideInAPackage("dev.redoubt.findings..")
                .should().dependOnClassesThat().resideInAPackage("dev.redoubt.journal..")
                .because("checks judge an estate and record nothing")
                .check(classes);
        noClasses().that().resideInAPackage("dev.redoubt.report..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.redoubt.journal..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(Entry.class, EntryQuery.class, Journal.class, Mode.class))))
                .because("the drill report shows and checks journal entries through the journal's port and its values, never its SQLite implementation")
                .check(classes);
    }

    @Test
    void drillsAreFreeOfFacesAndAdapters() {
        noClasses().that().resideInAPackage("dev.redoubt.drills..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..", "javafx..", "java.sql..", "picocli..",
                        "dev.redoubt.app..", "dev.redoubt.ui..", "dev.redoubt.aws..", "dev.redoubt.sandbox..", "dev.redoubt.services..",
                        "dev.redoubt.report..")
                .because("a drill's steps, state and checks are plain Java that the service runs and both faces show")
                .check(classes);
    }

    @Test
    void approvalsAreFreeOfFacesAndAdapters() {
        noClasses().that().resideInAPackage("dev.redoubt.approvals..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..", "javafx..", "java.sql..", "picocli..",
                        "dev.redoubt.app..", "dev.redoubt.ui..", "dev.redoubt.aws..", "dev.redoubt.sandbox..", "dev.redoubt.services..",
                        "dev.redoubt.report..", "dev.redoubt.drills..", "dev.redoubt.journal..")
                .because("a request's preflight, grant and session are plain Java that the service fills and both faces show")
                .check(classes);
    }

    @Test
    void viewModelsHoldNoNodes() {
        noClasses().that().resideInAPackage("dev.redoubt.ui..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "org.controlsfx..", "atlantafx..")
                .because("a view model is properties and commands, testable with plain JUnit; only its view builds nodes")
                .check(classes);
    }

    @Test
    void screensReachAwsOnlyThroughTheServices() {
        noClasses().that().resideInAPackage("dev.redoubt.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.redoubt.aws..", "dev.redoubt.sandbox..", "java.sql..", "org.sqlite..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.redoubt.journal.SqliteJournal")
                .because("the window uses the application services, never the AWS, sandbox or SQLite implementations")
                .check(classes);
    }

    @Test
    void servicesKnowNothingOfTheirFaces() {
        noClasses().that().resideInAPackage("dev.redoubt.services..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.redoubt.ui..", "dev.redoubt.app..", "javafx..", "picocli..")
                .because("the command line and the window call the same services; neither face leaks into them")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.redoubt.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("dev.redoubt.ui.(*)..").should().beFreeOfCycles().check(classes);
    }
}
