#!/usr/bin/env python3
"""W6's read requests: 10,000 distinct GraphQL requests from a fixed seed, one a line as "A<TAB>body" (anonymous)
or "E<TAB>body" (sent with the editor's token), most popular first (wrk/graphql.lua picks them with a Zipf-like
skew). First pages of lists with random filters and orders (a third of them with totalCount), the pages after a
random movie of that order (by its cursor), movies by id with genres and directors, and title searches.
Standard library only.

    traffic.py MOVIES.tsv GENRES.txt OUTPUT [COUNT]

MOVIES.tsv holds sample movies as "id<TAB>title<TAB>release date<TAB>rating or -1" lines, GENRES.txt the genre
names, one a line.
"""
import base64
import json
import random
import sys

SEED = 11
EDITOR_SHARE = 0.10

FIELDS = "id title releaseDate rating runtime { minutes } genres { name }"
FIRST_PAGE = ("query MoviePage($first: Int, $filter: MovieFilter, $orderBy: [MovieOrder!]) { movies(first: $first, "
              "filter: $filter, orderBy: $orderBy) { edges { node { " + FIELDS + " } } "
              "pageInfo { hasNextPage endCursor } } }")
COUNTED_PAGE = FIRST_PAGE.replace("query MoviePage", "query CountedPage").replace("{ edges", "{ totalCount edges", 1)
NEXT_PAGE = ("query NextPage($first: Int, $after: String, $filter: MovieFilter, $orderBy: [MovieOrder!]) { "
             "movies(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { edges { node { " + FIELDS
             + " } } pageInfo { hasNextPage endCursor } } }")
MOVIE = ("query Movie($id: ID!) { movie(id: $id) { id title releaseDate rating runtime { minutes iso8601 } "
         "genres { id name } directors { id name } createdAt updatedAt version } }")
SEARCH = ("query Search($first: Int, $filter: MovieFilter) { movies(first: $first, filter: $filter) { "
          "edges { node { id title releaseDate rating } } pageInfo { hasNextPage endCursor } } }")

# Words of the generated titles (generate-movies.sql) and of the sample data's, as users type them.
WORDS = ["night", "river", "city", "heart", "storm", "kingdom", "garden", "shadow", "winter", "summer", "golden",
         "silent", "lost", "dark", "wolf", "crown", "the", "love", "star", "war", "king", "ghost", "moon", "blood",
         "harbor", "tide", "secret", "midnight", "godfather", "alien", "batman", "titanic", "matrix", "dragon"]
LAST_NAMES = ["Tanaka", "Smith", "Dubois", "Rossi", "Mensah", "Kurosawa", "Spielberg", "Nolan", "Garcia", "Kim"]
# Each key's signature letters in a cursor (MovieOrder.signature: first and last letter of the key, then + or -).
ORDER_KEYS = {"TITLE": ("TE", 1), "RELEASE_DATE": ("RE", 2), "RATING": ("RG", 3)}


def cursor(field, ascending, movie):
    """What the server hands out for `movie` in this one-key ordering: base64url JSON [signature, key, id]."""
    signature, column = ORDER_KEYS[field]
    value = movie[column]
    key = [signature + ("+" if ascending else "-"), int(value) if field == "RATING" else value, int(movie[0])]
    return base64.urlsafe_b64encode(json.dumps(key, ensure_ascii=False, separators=(",", ":")).encode()) \
        .decode().rstrip("=")


def a_filter(rng, genres):
    f = {}
    if rng.random() < 0.5:
        f["genres"] = rng.sample(genres, rng.choice([1, 1, 2]))
    if rng.random() < 0.4:
        low = rng.randrange(1900, 2021)
        f["releaseYear"] = {"min": low, "max": min(2025, low + rng.choice([0, 4, 9, 19, 29]))}
    if rng.random() < 0.25:
        f["rating"] = {"min": rng.randrange(40, 91, 5), "max": 100}
    if rng.random() < 0.05:
        f["director"] = rng.choice(LAST_NAMES)
    return f


def a_request(rng, movies, genres):
    kind = rng.random()
    if kind < 0.50:
        field = rng.choice(list(ORDER_KEYS))
        ascending = rng.random() < 0.5
        variables = {"first": rng.choice([10, 20, 20, 50]),
                     "orderBy": [{"field": field, "direction": "ASC" if ascending else "DESC"}]}
        f = a_filter(rng, genres)
        if f:
            variables["filter"] = f
        if kind < 0.35:
            # A third of them ask how many match, as a list screen that shows the count does.
            counted = rng.random() < 1 / 3
            return {"query": COUNTED_PAGE if counted else FIRST_PAGE,
                    "operationName": "CountedPage" if counted else "MoviePage", "variables": variables}
        variables["after"] = cursor(field, ascending, rng.choice(movies))
        return {"query": NEXT_PAGE, "operationName": "NextPage", "variables": variables}
    if kind < 0.80:
        return {"query": MOVIE, "operationName": "Movie", "variables": {"id": rng.choice(movies)[0]}}
    f = {"titleContains": rng.choice(WORDS)}
    if rng.random() < 0.3:
        f["genres"] = [rng.choice(genres)]
    if rng.random() < 0.3:
        low = rng.randrange(1900, 2021)
        f["releaseYear"] = {"min": low, "max": min(2025, low + rng.choice([4, 9, 19]))}
    return {"query": SEARCH, "operationName": "Search", "variables": {"first": rng.choice([10, 20]), "filter": f}}


def main():
    movies_file, genres_file, output = sys.argv[1:4]
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 10_000
    with open(movies_file, encoding="utf-8") as f:
        movies = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    with open(genres_file, encoding="utf-8") as f:
        genres = [line.strip() for line in f if line.strip()]
    rng = random.Random(SEED)
    seen, lines = set(), []
    while len(lines) < count:
        body = json.dumps(a_request(rng, movies, genres), ensure_ascii=False, separators=(",", ":"))
        if body not in seen:
            seen.add(body)
            lines.append(("E" if rng.random() < EDITOR_SHARE else "A") + "\t" + body)
    with open(output, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
