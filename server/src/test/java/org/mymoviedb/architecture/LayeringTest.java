package org.mymoviedb.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import org.junit.jupiter.api.Test;

/**
 * The domain knows nothing of GraphQL: repositories, write services and rules take and return plain records, and
 * only the fetchers (in org.mymoviedb.graphql) map between the two. The shared vocabulary sits under everything.
 */
class LayeringTest {

    private static final String[] DOMAIN = {
        "org.mymoviedb.movie..", "org.mymoviedb.names..", "org.mymoviedb.auth..", "org.mymoviedb.history..",
        "org.mymoviedb.importer..", "org.mymoviedb.data..", "org.mymoviedb.cache..", "org.mymoviedb.base.."};

    @Test
    void theDomainImportsNothingOfGraphQL() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("graphql..", "org.dataloader..",
                        "org.mymoviedb.graphql..", "org.mymoviedb.http..")
                .check(PackageCycleTest.SERVER);
    }

    /** The importer writes through the movie write service: it cannot even name a table. */
    @Test
    void theImporterHasNoSqlOfItsOwn() {
        noClasses().that().resideInAPackage("org.mymoviedb.importer..")
                .should().dependOnClassesThat().resideInAPackage("org.mymoviedb.jooq..")
                .check(PackageCycleTest.SERVER);
    }

    @Test
    void theSharedVocabularyDependsOnNothingOfOurs() {
        classes().that().resideInAPackage("org.mymoviedb.base..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.mymoviedb.base..", "java..")
                .check(PackageCycleTest.SERVER);
    }
}
