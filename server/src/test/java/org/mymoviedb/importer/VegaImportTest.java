package org.mymoviedb.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mymoviedb.importer.CatalogueQueries.directorsOf;
import static org.mymoviedb.importer.CatalogueQueries.genreNames;
import static org.mymoviedb.importer.CatalogueQueries.genresOf;
import static org.mymoviedb.importer.CatalogueQueries.movie;
import static org.mymoviedb.importer.ImportTesting.VEGA;
import static org.mymoviedb.importer.ImportTesting.counts;
import static org.mymoviedb.importer.ImportTesting.importFile;
import static org.mymoviedb.importer.ImportTesting.tableCounts;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mymoviedb.jooq.tables.records.MovieRecord;
import org.mymoviedb.testing.TestDatabase;

class VegaImportTest {

    @Test
    void importsEveryGoodRowAndNamesEveryBadOne() {
        try (TestDatabase db = TestDatabase.create()) {
            ImportReport report = importFile(db.dsl(), VEGA);

            assertThat(report.summary())
                    .isEqualTo("vega-movies.json: 3201 rows read, 3185 added, 0 updated, 0 unchanged, 16 rejected");
            // 2915 rows name a genre (12 distinct), 1865 a director (550 distinct).
            assertThat(tableCounts(db.dsl())).isEqualTo(counts(3185, 12, 2915, 550, 1865));
            assertThat(genreNames(db.dsl())).contains("Thriller/Suspense", "Concert/Performance", "Black Comedy");
        }
    }

    @Test
    void rejectsTheRowWithoutTitleAndTheFifteenFarFutureOnes() {
        try (TestDatabase db = TestDatabase.create()) {
            ImportReport report = importFile(db.dsl(), VEGA);

            assertThat(report.rejections())
                    .extracting(Rejection::label, Rejection::title, Rejection::reason)
                    .containsExactly(
                            tuple("row 10", "Duel in the Sun",
                                    "release date 2046-12-31 is more than 5 years in the future"),
                            tuple("row 17", "Wilson", "release date 2044-08-01 is more than 5 years in the future"),
                            tuple("row 34", "42nd Street",
                                    "release date 2033-03-09 is more than 5 years in the future"),
                            tuple("row 91", "The Best Years of Our Lives",
                                    "release date 2046-11-21 is more than 5 years in the future"),
                            tuple("row 175", "Charge of the Light Brigade, The",
                                    "release date 2036-10-20 is more than 5 years in the future"),
                            tuple("row 222", "Cat People",
                                    "release date 2042-11-16 is more than 5 years in the future"),
                            tuple("row 338", "Fantasia", "release date 2040-11-13 is more than 5 years in the future"),
                            tuple("row 383", "A Guy Named Joe",
                                    "release date 2043-12-24 is more than 5 years in the future"),
                            tuple("row 401", "Gone with the Wind",
                                    "release date 2039-12-15 is more than 5 years in the future"),
                            tuple("row 413", "How Green Was My Valley",
                                    "release date 2041-10-28 is more than 5 years in the future"),
                            tuple("row 496", "King Kong (1933)",
                                    "release date 2033-04-07 is more than 5 years in the future"),
                            tuple("row 592", "Modern Times",
                                    "release date 2036-02-05 is more than 5 years in the future"),
                            tuple("row 823", "She Done Him Wrong",
                                    "release date 2033-02-09 is more than 5 years in the future"),
                            tuple("row 925", "Snow White and the Seven Dwarfs",
                                    "release date 2037-12-21 is more than 5 years in the future"),
                            tuple("row 1046", "The Wizard of Oz",
                                    "release date 2039-08-25 is more than 5 years in the future"),
                            tuple("row 3054", null, "title is missing"));
            assertThat(report.lines()).startsWith(
                    "rejected row 10 \"Duel in the Sun\": release date 2046-12-31 is more than 5 years in the future");
            assertThat(report.lines()).contains("rejected row 3054 (no title): title is missing");
        }
    }

    @Test
    void numericTitlesAreTitles() {
        try (TestDatabase db = TestDatabase.create()) {
            importFile(db.dsl(), VEGA);

            MovieRecord threeHundred = movie(db.dsl(), "300", LocalDate.of(2007, 3, 9));
            assertThat(threeHundred.getRuntimeMinutes()).isEqualTo(117);
            assertThat(threeHundred.getRating()).isEqualTo((short) 78);
            assertThat(directorsOf(db.dsl(), threeHundred.getId())).containsExactly("Zack Snyder");
            assertThat(genresOf(db.dsl(), threeHundred.getId())).containsExactly("Action");

            MovieRecord twentyTwelve = movie(db.dsl(), "2012", LocalDate.of(2009, 11, 13));
            assertThat(twentyTwelve.getRuntimeMinutes()).isEqualTo(158);
            assertThat(directorsOf(db.dsl(), twentyTwelve.getId())).containsExactly("Roland Emmerich");
        }
    }

    @Test
    void imdbRatingTimesTenIsTheRating() {
        try (TestDatabase db = TestDatabase.create()) {
            importFile(db.dsl(), VEGA);

            // The first row: IMDB 6.1, no running time, director or genre.
            MovieRecord landGirls = movie(db.dsl(), "The Land Girls", LocalDate.of(1998, 6, 12));
            assertThat(landGirls.getRating()).isEqualTo((short) 61);
            assertThat(landGirls.getRuntimeMinutes()).isNull();
            assertThat(directorsOf(db.dsl(), landGirls.getId())).isEmpty();
            assertThat(genresOf(db.dsl(), landGirls.getId())).isEmpty();
            // An IMDB rating written as a whole number (7) in the file.
            assertThat(movie(db.dsl(), "1776", LocalDate.of(1972, 11, 9)).getRating()).isEqualTo((short) 70);
        }
    }
}
