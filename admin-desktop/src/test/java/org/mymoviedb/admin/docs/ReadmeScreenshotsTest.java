package org.mymoviedb.admin.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.support.AdminAppTest;
import org.mymoviedb.auth.PasswordHasher;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.UserAccounts;
import tools.jackson.databind.JsonNode;
import org.mymoviedb.admin.support.Png;

/**
 * Renders the README's screenshots (the list, the form, the conflict dialog, users, audit log) from the real app in a real
 * window; run on demand with -Dmymoviedb.screenshots=true, so ordinary builds never rewrite them.
 */
@EnabledIfSystemProperty(named = "mymoviedb.screenshots", matches = "true")
class ReadmeScreenshotsTest extends AdminAppTest {

    /** Title, release date, rating, runtime, genres, director. */
    private static final String[][] FILMS = {
        {"2001: A Space Odyssey", "1968-04-02", "92", "149", "Sci-fi", "Stanley Kubrick"},
        {"Alien", "1979-05-25", "85", "117", "Sci-fi,Horror", "Ridley Scott"},
        {"Amélie", "2001-04-25", "83", "122", "Comedy,Romance", "Jean-Pierre Jeunet"},
        {"Apocalypse Now", "1979-08-15", "85", "147", "War,Drama", "Francis Ford Coppola"},
        {"Bicycle Thieves", "1948-11-24", "83", "89", "Drama", "Vittorio De Sica"},
        {"Blade Runner", "1982-06-25", "81", "117", "Sci-fi", "Ridley Scott"},
        {"Casablanca", "1942-11-26", "85", "102", "Drama,Romance", "Michael Curtiz"},
        {"Chinatown", "1974-06-20", "82", "130", "Crime,Drama", "Roman Polanski"},
        {"Cléo from 5 to 7", "1962-04-11", "79", "90", "Drama", "Agnès Varda"},
        {"Do the Right Thing", "1989-06-30", "80", "120", "Drama", "Spike Lee"},
        {"Fargo", "1996-03-08", "81", "98", "Crime,Comedy", "Joel Coen"},
        {"Goodfellas", "1990-09-19", "87", "146", "Crime,Drama", "Martin Scorsese"},
        {"Heat", "1995-12-15", "83", "170", "Crime,Thriller", "Michael Mann"},
        {"In the Mood for Love", "2000-09-29", "81", "98", "Drama,Romance", "Wong Kar-wai"},
        {"Jaws", "1975-06-20", "80", "124", "Thriller", "Steven Spielberg"},
        {"La Haine", "1995-05-31", "81", "98", "Crime,Drama", "Mathieu Kassovitz"},
        {"Lawrence of Arabia", "1962-12-10", "83", "228", "Adventure,War", "David Lean"},
        {"M", "1931-05-11", "83", "117", "Crime,Thriller", "Fritz Lang"},
        {"Metropolis", "1927-01-10", "83", "153", "Sci-fi,Drama", "Fritz Lang"},
        {"Mulholland Drive", "2001-10-12", "79", "147", "Mystery,Drama", "David Lynch"},
        {"North by Northwest", "1959-07-01", "83", "136", "Thriller,Adventure", "Alfred Hitchcock"},
        {"Parasite", "2019-05-30", "85", "132", "Thriller,Comedy", "Bong Joon-ho"},
        {"Psycho", "1960-09-08", "85", "109", "Horror,Thriller", "Alfred Hitchcock"},
        {"Pulp Fiction", "1994-10-14", "89", "154", "Crime", "Quentin Tarantino"},
        {"Rashomon", "1950-08-25", "82", "88", "Crime,Drama", "Akira Kurosawa"},
        {"Rear Window", "1954-09-01", "85", "112", "Mystery,Thriller", "Alfred Hitchcock"},
        {"Seven Samurai", "1954-04-26", "86", "207", "Action,Drama", "Akira Kurosawa"},
        {"Spirited Away", "2001-07-20", "86", "125", "Animation,Fantasy", "Hayao Miyazaki"},
        {"Stalker", "1979-05-25", "81", "162", "Sci-fi,Drama", "Andrei Tarkovsky"},
        {"Taxi Driver", "1976-02-08", "82", "114", "Crime,Drama", "Martin Scorsese"},
        {"The Godfather", "1972-03-24", "92", "175", "Crime,Drama", "Francis Ford Coppola"},
        {"The Seventh Seal", "1957-02-16", "81", "96", "Drama,Fantasy", "Ingmar Bergman"},
        {"The Third Man", "1949-09-02", "81", "104", "Mystery,Thriller", "Carol Reed"},
        {"Tokyo Story", "1953-11-03", "82", "136", "Drama", "Yasujirō Ozu"},
        {"Vertigo", "1958-05-09", "83", "128", "Mystery,Romance", "Alfred Hitchcock"},
        {"Wings of Desire", "1987-10-29", "80", "128", "Fantasy,Drama", "Wim Wenders"},
    };

    @BeforeAll
    static void seed() {
        Map<String, Long> genres = new HashMap<>();
        Map<String, Long> people = new HashMap<>();
        for (String[] film : FILMS) {
            long id = catalogue.movie(film[0], LocalDate.parse(film[1]), Integer.valueOf(film[2]),
                    Integer.valueOf(film[3]));
            for (String genre : film[4].split(",")) {
                catalogue.tag(id, genres.computeIfAbsent(genre, catalogue::genre));
            }
            catalogue.credit(id, people.computeIfAbsent(film[5], catalogue::person), 0);
        }
    }

    @Test
    void movieListAndMovieForm() throws Exception {
        Path docs = Path.of(System.getProperty("mymoviedb.docs", "../docs"));
        signIn();
        TableView<Movie> table = lookup("#movieTable").queryTableView();
        waitUntil(() -> table.getItems().size() == FILMS.length);
        // History to show: one real edit through the form.
        clickOn(cell("Heat"));
        push(KeyCode.ENTER);
        waitUntil(() -> lookup("#save").tryQuery().isPresent());
        replaceText("#rating", "84");
        clickOn("#save");
        waitUntil(() -> lookup("#save").tryQuery().isEmpty());
        settle();
        clickOn(cell("Heat"));
        waitUntil(() -> !lookup("#historyTable").queryTableView().getItems().isEmpty());
        settle();
        Png.write(interactAndGet(() -> table.getScene().snapshot(null)), docs.resolve("movie-list.png"));

        interact(() -> table.scrollTo(table.getItems().stream().map(Movie::title).toList().indexOf("Seven Samurai")));
        clickOn(cell("Seven Samurai"));
        push(KeyCode.ENTER);
        waitUntil(() -> lookup("#save").tryQuery().isPresent());
        replaceText("#rating", "150");
        clickOn("#directorsInput").write("kuro");
        waitUntil(() -> lookup("#directorsSuggestions").query().isVisible());
        clickOn("#save");
        settle();
        Png.write(interactAndGet(() -> lookup("#save").query().getScene().snapshot(null)),
                docs.resolve("movie-form.png"));

        assertThat(Files.size(docs.resolve("movie-list.png"))).isGreaterThan(10_000);
        assertThat(Files.size(docs.resolve("movie-form.png"))).isGreaterThan(5_000);
    }

    @Test
    void usersAndAuditLog() throws Exception {
        Path docs = Path.of(System.getProperty("mymoviedb.docs", "../docs"));
        UserAccounts accounts = new UserAccounts(server.database().dsl(), new PasswordHasher());
        accounts.create(null, "agnes", "the gleaners and I", Role.ADMIN);
        accounts.create(null, "jacques", "lola and the umbrellas", Role.EDITOR);
        String token = server.signedIn("chantal", Role.EDITOR);
        JsonNode alien = server.queryAs(token, "mutation { createMovie(input: {title: \"Alien (director's cut)\", "
                + "releaseDate: \"2003-10-31\", genres: [{name: \"Sci-fi\"}], directors: [{name: \"Ridley Scott\"}]}) "
                + "{ movie { id } } }", Map.of()).get("data").get("createMovie").get("movie");
        server.queryAs(token, "mutation($id: ID!) { updateMovie(id: $id, expectedVersion: 1, input: {rating: 84, "
                + "runtimeMinutes: 116, genres: [{name: \"Sci-fi\"}, {name: \"Horror\"}]}) { movie { id } } }",
                Map.of("id", alien.get("id").asString()));
        server.queryAs(token, "mutation { renameGenre(id: \"" + catalogue.genre("Peplum") + "\", name: \"Sword and "
                + "sandal\") { genre { id } } }", Map.of());

        signIn("agnes", "the gleaners and I");
        clickOn("#usersTab");
        waitUntil(() -> lookup("#usersTable").queryTableView().getItems().size() >= 4);
        clickOn(cell("jacques"));
        settle();
        Png.write(interactAndGet(() -> lookup("#usersTable").query().getScene().snapshot(null)),
                docs.resolve("users.png"));

        clickOn("#auditTab");
        waitUntil(() -> lookup("#auditTable").queryTableView().getItems().size() >= 4);
        settle();
        Png.write(interactAndGet(() -> lookup("#auditTable").query().getScene().snapshot(null)),
                docs.resolve("audit-log.png"));
        assertThat(Files.size(docs.resolve("users.png"))).isGreaterThan(5_000);
        assertThat(Files.size(docs.resolve("audit-log.png"))).isGreaterThan(5_000);
    }

    @Test
    void conflictDialog() throws Exception {
        Path docs = Path.of(System.getProperty("mymoviedb.docs", "../docs"));
        String colleague = server.signedIn("ann", Role.EDITOR);
        signIn();
        TableView<Movie> table = lookup("#movieTable").queryTableView();
        waitUntil(() -> table.getItems().size() >= FILMS.length);
        interact(() -> table.scrollTo(table.getItems().stream().map(Movie::title).toList().indexOf("Casablanca")));
        clickOn(cell("Casablanca"));
        push(KeyCode.ENTER);
        waitUntil(() -> lookup("#save").tryQuery().isPresent());
        replaceText("#rating", "90");
        replaceText("#runtime", "103");
        // Ann saves the same movie meanwhile: a different rating, and a title this editor did not touch.
        JsonNode casablanca = server.queryAs(colleague, "query { movies(filter: {titleContains: \"Casablanca\"}) "
                + "{ edges { node { id version } } } }", Map.of()).get("data").get("movies").get("edges").get(0)
                .get("node");
        JsonNode answer = server.queryAs(colleague, "mutation($id: ID!, $v: Int!) { updateMovie(id: $id, "
                + "expectedVersion: $v, input: {rating: 88}) { userErrors { code } } }",
                Map.of("id", casablanca.get("id").asString(), "v", casablanca.get("version").asInt()));
        assertThat(answer.get("data").get("updateMovie").get("userErrors")).isEmpty();
        clickOn("#save");
        waitUntil(() -> lookup("#conflict").tryQuery().isPresent());
        settle();
        Png.write(interactAndGet(() -> lookup("#conflict").query().getScene().snapshot(null)),
                docs.resolve("conflict.png"));
        assertThat(Files.size(docs.resolve("conflict.png"))).isGreaterThan(5_000);
    }
}
