package org.mymoviedb.admin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin's packages only point down: screens to the shell's services to the API client. A package cycle
 * fails the build, naming the classes on it, instead of growing quietly into a knot.
 */
class PackageArrowsTest {

    /** One package per screen; the app's top package wires them together. */
    private static final Set<String> SCREENS = Set.of("login", "movies", "movieform", "history", "names", "users", "audit");

    private static JavaClasses admin;

    @BeforeAll
    static void importMainClasses() {
        admin = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mymoviedb.admin");
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("org.mymoviedb.admin.(*)..").should().beFreeOfCycles().check(admin);
    }

    @Test
    void screensKnowTheShellAndTheApiButNotEachOther() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("App").definedBy("org.mymoviedb.admin")
                .layer("Screens").definedBy(SCREENS.stream().map(screen -> "org.mymoviedb.admin." + screen + "..")
                        .toArray(String[]::new))
                .layer("Shell").definedBy("org.mymoviedb.admin.shell..")
                .layer("Api").definedBy("org.mymoviedb.admin.api..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Screens").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Shell").mayOnlyBeAccessedByLayers("App", "Screens")
                .whereLayer("Api").mayOnlyBeAccessedByLayers("App", "Screens", "Shell")
                .check(admin);
        slices().matching("org.mymoviedb.admin.(*)..")
                .that(DescribedPredicate.describe("are screens", (Slice slice) -> SCREENS.contains(slice.getNamePart(1))))
                .should().notDependOnEachOther().check(admin);
    }

    @Test
    void viewModelsHoldNoNodesAndGetTheirThreadsPassedIn() {
        // So a plain JUnit test can drive them, with no window and no FX toolkit running.
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "javafx.animation..")
                .check(admin);
    }
}
