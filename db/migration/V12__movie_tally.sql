-- totalCount without a filter: how many movies the catalogue holds, kept by triggers instead of counted (an
-- index-only count of 1,000,000 movies took 70-85 ms; bench/README.md, "Search plans at 1,000,000 movies").
--
-- Exact, not an estimate: the tally changes in the writing statement's transaction, so a reader's snapshot sees
-- the tally and the movies of the same commits. Writers add to one of 16 rows, picked by their backend, so
-- concurrent writers seldom wait for each other, and a transaction (one backend) only ever locks one row.
CREATE TABLE movie_tally (
    slot   smallint PRIMARY KEY CHECK (slot BETWEEN 0 AND 15),
    movies bigint   NOT NULL
);

CREATE FUNCTION movie_tally_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    delta bigint;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE movie_tally SET movies = 0;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT count(*) INTO delta FROM added_movies;
    ELSE
        SELECT -count(*) INTO delta FROM removed_movies;
    END IF;
    IF delta <> 0 THEN
        UPDATE movie_tally SET movies = movies + delta WHERE slot = pg_backend_pid() % 16;
    END IF;
    RETURN NULL;
END
$$;

-- No movie is written while the tally starts from the catalogue's count (reads go on).
LOCK TABLE movie IN SHARE MODE;
INSERT INTO movie_tally (slot, movies) SELECT s, CASE WHEN s = 0 THEN (SELECT count(*) FROM movie) ELSE 0 END
FROM generate_series(0, 15) AS s;

CREATE TRIGGER movie_tally_on_insert AFTER INSERT ON movie
    REFERENCING NEW TABLE AS added_movies
    FOR EACH STATEMENT EXECUTE FUNCTION movie_tally_change();
CREATE TRIGGER movie_tally_on_delete AFTER DELETE ON movie
    REFERENCING OLD TABLE AS removed_movies
    FOR EACH STATEMENT EXECUTE FUNCTION movie_tally_change();
CREATE TRIGGER movie_tally_on_truncate AFTER TRUNCATE ON movie
    FOR EACH STATEMENT EXECUTE FUNCTION movie_tally_change();
