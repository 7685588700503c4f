-- The movie catalogue: movies, their genres and their directors.
-- Normalised from the original Django model (title, release_date, rating, duration, director, genre).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE movie (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title           text        NOT NULL,
    release_date    date        NOT NULL,
    -- 0..100, as the original model; unknown until someone rates it.
    rating          smallint,
    -- Whole minutes; unknown for many catalogued films.
    runtime_minutes integer,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    -- Bumped by every write; updates and deletes name the version they expect.
    version         integer     NOT NULL DEFAULT 1,
    CONSTRAINT movie_title_not_blank CHECK (btrim(title) <> ''),
    CONSTRAINT movie_title_length CHECK (char_length(title) <= 512),
    CONSTRAINT movie_release_date_range CHECK (release_date >= DATE '1870-01-01'),
    CONSTRAINT movie_rating_range CHECK (rating BETWEEN 0 AND 100),
    CONSTRAINT movie_runtime_range CHECK (runtime_minutes BETWEEN 1 AND 1500),
    CONSTRAINT movie_version_positive CHECK (version >= 1)
);

-- A movie is identified by its title (case-insensitively) and release date.
CREATE UNIQUE INDEX movie_identity_idx ON movie (lower(title), release_date);

-- Keyset pagination: every order ends with id as the tiebreak.
CREATE INDEX movie_title_order_idx ON movie (title, id);
CREATE INDEX movie_release_date_order_idx ON movie (release_date, id);
-- Unrated movies sort as the lowest rating.
CREATE INDEX movie_rating_order_idx ON movie ((coalesce(rating, -1)), id);
-- titleContains: case-insensitive substring search.
CREATE INDEX movie_title_trgm_idx ON movie USING gin (title gin_trgm_ops);

CREATE TABLE genre (
    id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    CONSTRAINT genre_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT genre_name_length CHECK (char_length(name) <= 100)
);
CREATE UNIQUE INDEX genre_name_unique_idx ON genre (lower(name));

CREATE TABLE movie_genre (
    movie_id bigint NOT NULL REFERENCES movie (id) ON DELETE CASCADE,
    -- A genre still in use cannot vanish from under its movies.
    genre_id bigint NOT NULL REFERENCES genre (id) ON DELETE RESTRICT,
    PRIMARY KEY (movie_id, genre_id)
);
CREATE INDEX movie_genre_genre_idx ON movie_genre (genre_id, movie_id);

CREATE TABLE person (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT person_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT person_name_length CHECK (char_length(name) <= 300)
);
-- Two people may share a name; lookups by name are case-insensitive.
CREATE INDEX person_name_lower_idx ON person (lower(name));
CREATE INDEX person_name_order_idx ON person (name, id);
CREATE INDEX person_name_trgm_idx ON person USING gin (name gin_trgm_ops);

-- Directing credits, in billing order.
CREATE TABLE movie_director (
    movie_id  bigint   NOT NULL REFERENCES movie (id) ON DELETE CASCADE,
    person_id bigint   NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    position  smallint NOT NULL,
    PRIMARY KEY (movie_id, person_id),
    CONSTRAINT movie_director_position_unique UNIQUE (movie_id, position),
    CONSTRAINT movie_director_position_range CHECK (position >= 0)
);
CREATE INDEX movie_director_person_idx ON movie_director (person_id, movie_id);
