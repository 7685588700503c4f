package org.mymoviedb.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** No two packages of the server depend on each other, however indirectly: the arrows only point down. */
class PackageCycleTest {

    static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mymoviedb");

    /** Our classes without the generated jOOQ ones, which refer to each other (tables, keys, records) by design. */
    static final JavaClasses WRITTEN_BY_HAND = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/org/mymoviedb/jooq/"))
            .importPackages("org.mymoviedb");

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching("org.mymoviedb.(*)..").should().beFreeOfCycles().check(SERVER);
    }

    /** Inside a layer too: graphql/'s engine, its shared fetcher vocabulary and each feature's fetchers. */
    @Test
    void everyPackageIsFreeOfCycles() {
        slices().matching("org.mymoviedb.(**)").should().beFreeOfCycles().check(WRITTEN_BY_HAND);
    }
}
