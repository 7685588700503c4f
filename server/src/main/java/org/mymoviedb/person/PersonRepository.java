package org.mymoviedb.person;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.mymoviedb.data.LikePattern;
import org.mymoviedb.graphql.Connection;
import org.mymoviedb.graphql.Cursors;
import org.mymoviedb.graphql.PageRequest;
import tools.jackson.databind.JsonNode;

import static org.mymoviedb.jooq.Tables.MOVIE_DIRECTOR;
import static org.mymoviedb.jooq.Tables.PERSON;

/** Reads people: by id, by name a page at a time, and the directors of many movies in one statement. */
public final class PersonRepository {

    private static final String ORDERING = "name+";

    private final DSLContext dsl;

    public PersonRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Person> findById(long id) {
        return dsl.select(PERSON.ID, PERSON.NAME).from(PERSON).where(PERSON.ID.eq(id))
                .fetchOptional(r -> new Person(r.value1(), r.value2()));
    }

    /** People whose name contains {@code search} (any case), by name then id, a keyset page at a time. */
    public Connection<Person> page(String search, PageRequest request, boolean count) {
        Condition where = search == null || search.isBlank() ? DSL.noCondition()
                : PERSON.NAME.likeIgnoreCase(LikePattern.contains(search.trim()), LikePattern.ESCAPE);
        Condition seek = DSL.noCondition();
        if (request.cursor() != null) {
            List<JsonNode> key = Cursors.decode(request.cursor(), ORDERING, 2);
            if (!key.get(0).isString() || !key.get(1).isIntegralNumber()) {
                throw Cursors.invalid();
            }
            seek = DSL.row(PERSON.NAME, PERSON.ID).gt(key.get(0).asString(), key.get(1).asLong());
        }
        List<Person> fetched = request.size() == 0 ? List.of() : dsl.select(PERSON.ID, PERSON.NAME).from(PERSON)
                .where(where).and(seek)
                .orderBy(PERSON.NAME, PERSON.ID)
                .limit(request.size() + 1)
                .fetch(r -> new Person(r.value1(), r.value2()));
        Integer total = count ? dsl.fetchCount(PERSON, where) : null;
        return Connection.of(fetched, request, p -> Cursors.encode(ORDERING, List.of(p.name(), p.id())), total);
    }

    /** The directors of each of {@code movieIds}, in billing order; none maps to an empty list. */
    public Map<Long, List<Person>> directorsByMovie(Collection<Long> movieIds) {
        Map<Long, List<Person>> result = new HashMap<>();
        movieIds.forEach(id -> result.put(id, new ArrayList<>()));
        dsl.select(MOVIE_DIRECTOR.MOVIE_ID, PERSON.ID, PERSON.NAME)
                .from(MOVIE_DIRECTOR).join(PERSON).on(PERSON.ID.eq(MOVIE_DIRECTOR.PERSON_ID))
                .where(MOVIE_DIRECTOR.MOVIE_ID.eq(DSL.any(movieIds.toArray(Long[]::new))))
                .orderBy(MOVIE_DIRECTOR.MOVIE_ID, MOVIE_DIRECTOR.POSITION)
                .forEach(r -> result.get(r.value1()).add(new Person(r.value2(), r.value3())));
        return result;
    }
}
