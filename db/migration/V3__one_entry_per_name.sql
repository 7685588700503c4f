-- One genre and one person per name. Two names are the same when they are equal after Unicode NFC normalisation
-- and PostgreSQL's lower() (the database's own case folding); every write path trims them and makes inner white
-- space single before they get here. The unique indexes below enforce it, so a find-or-create is one atomic
-- INSERT ... ON CONFLICT on that key. Entries that used to share a name (people could; genres only in another
-- Unicode form) are merged first: the oldest (lowest id) stays and the others' links move to it (a movie linked
-- to several keeps one link, the first in its list). A movie whose list of names that changes (a spelling, or a
-- repeat dropped) gets a new version, so an editor holding the old one sees a conflict, and a history entry;
-- one whose names read the same keeps its version (a write naming a merged id gets NOT_FOUND). History records
-- each merged entry as deleted, with the entry it went into. Set-based: a million movies with 10,000 merged
-- people migrate in about a minute.

-- Merges the entries of `entries` that share a name into the oldest; `links` (movie_id, `link`) are the movies'
-- links to them, listed in `list_order` (over the link table l and the entry table e), `field` in movie history.
CREATE FUNCTION pg_temp.merge_same_names(entries text, links text, link text, list_order text, field text)
    RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    author CONSTANT text := '(migration V3: one entry per name)';
    names_of CONSTANT text := format('(SELECT coalesce(jsonb_agg(e.name ORDER BY %s), ''[]''::jsonb)'
        || ' FROM %I l JOIN %I e ON e.id = l.%I WHERE l.movie_id = %%s)', list_order, links, entries, link);
BEGIN
    EXECUTE format('CREATE TEMP TABLE merging ON COMMIT DROP AS SELECT x.id AS dup, x.keeper, x.name,'
        || ' k.name AS keeper_name FROM (SELECT id, name, min(id) OVER (PARTITION BY lower(normalize(name, NFC)))'
        || ' AS keeper FROM %I) x JOIN %I k ON k.id = x.keeper WHERE x.id <> x.keeper', entries, entries);
    IF NOT EXISTS (SELECT FROM merging) THEN
        DROP TABLE merging;
        RETURN;
    END IF;
    CREATE UNIQUE INDEX ON merging (dup);
    ANALYZE merging;
    -- Movies linked twice into one merged group, and movies linked to a spelling that is not the kept one.
    EXECUTE format('CREATE TEMP TABLE changed_movie ON COMMIT DROP AS SELECT movie_id FROM (SELECT l.movie_id'
        || ' FROM %I l LEFT JOIN merging m ON m.dup = l.%I WHERE l.movie_id IN (SELECT d.movie_id FROM %I d'
        || ' JOIN merging md ON md.dup = d.%I) GROUP BY l.movie_id, coalesce(m.keeper, l.%I) HAVING count(*) > 1'
        || ' UNION SELECT l.movie_id FROM %I l JOIN merging m ON m.dup = l.%I WHERE m.name <> m.keeper_name) c',
        links, link, links, link, link, links, link);
    ALTER TABLE changed_movie ADD COLUMN before jsonb;
    EXECUTE format('UPDATE changed_movie c SET before = ' || names_of, 'c.movie_id');
    ANALYZE changed_movie;
    EXECUTE format('DELETE FROM %I k USING (SELECT l.movie_id, l.%I AS entry, row_number() OVER (PARTITION BY'
        || ' l.movie_id, coalesce(m.keeper, l.%I) ORDER BY %s) AS n FROM %I l JOIN %I e ON e.id = l.%I'
        || ' LEFT JOIN merging m ON m.dup = l.%I WHERE l.movie_id IN (SELECT movie_id FROM changed_movie)) r'
        || ' WHERE r.n > 1 AND k.movie_id = r.movie_id AND k.%I = r.entry',
        links, link, link, list_order, links, entries, link, link, link);
    EXECUTE format('UPDATE %I k SET %I = m.keeper FROM merging m WHERE k.%I = m.dup', links, link, link);
    EXECUTE format('INSERT INTO audit_entry (user_id, username, action, entity_type, entity_id, entity_label,'
        || ' changes) SELECT NULL, %L, ''DELETE'', %L, dup, name, jsonb_build_object(''name'','
        || ' jsonb_build_object(''before'', name, ''after'', NULL), ''mergedInto'','
        || ' jsonb_build_object(''before'', NULL, ''after'', keeper)) FROM merging ORDER BY dup', author, entries);
    EXECUTE format('DELETE FROM %I WHERE id IN (SELECT dup FROM merging)', entries);
    EXECUTE format('WITH changed AS (UPDATE movie SET version = version + 1, updated_at = now()'
        || ' WHERE id IN (SELECT movie_id FROM changed_movie) RETURNING id, title)'
        || ' INSERT INTO audit_entry (user_id, username, action, entity_type, entity_id, entity_label, changes)'
        || ' SELECT NULL, %L, ''UPDATE'', ''movie'', c.id, c.title, jsonb_build_object(%L,'
        || ' jsonb_build_object(''before'', cm.before, ''after'', a.after)) FROM changed c'
        || ' JOIN changed_movie cm ON cm.movie_id = c.id CROSS JOIN LATERAL (SELECT ' || names_of || ' AS after) a'
        || ' ORDER BY c.id', author, field, 'c.id');
    DROP TABLE merging;
    DROP TABLE changed_movie;
END
$$;

SELECT pg_temp.merge_same_names('person', 'movie_director', 'person_id', 'l.position', 'directors');
DROP INDEX person_name_lower_idx;
CREATE UNIQUE INDEX person_name_key_idx ON person (lower(normalize(name, NFC)));

SELECT pg_temp.merge_same_names('genre', 'movie_genre', 'genre_id', 'lower(e.name), e.id', 'genres');
DROP INDEX genre_name_unique_idx;
CREATE UNIQUE INDEX genre_name_key_idx ON genre (lower(normalize(name, NFC)));

DROP FUNCTION pg_temp.merge_same_names(text, text, text, text, text);
