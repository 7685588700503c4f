package org.mymoviedb.names;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.mymoviedb.base.Keyset;
import org.mymoviedb.base.Page;
import org.mymoviedb.base.PageRequest;
import org.mymoviedb.data.KeysetPages;
import org.mymoviedb.data.LikePattern;
import org.mymoviedb.data.OrderTerm;
import static org.mymoviedb.jooq.Tables.MOVIE_DIRECTOR;
import static org.mymoviedb.jooq.Tables.PERSON;

/** Reads people: by id, by name a page at a time, and the directors of many movies in one statement. */
public final class PersonRepository {

    /** By name, then id: homonyms keep a stable order. */
    private static final List<OrderTerm> BY_NAME = List.of(new OrderTerm(PERSON.NAME, true), new OrderTerm(PERSON.ID, true));

    /** The types of a position's values in {@link #positionOf}. */
    public static final List<Class<?>> POSITION_TYPES = List.of(String.class, Long.class);

    private final DSLContext dsl;

    public PersonRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Person> findById(long id) {
        return dsl.select(PERSON.ID, PERSON.NAME).from(PERSON).where(PERSON.ID.eq(id))
                .fetchOptional(r -> new Person(r.value1(), r.value2()));
    }

    /** The people among {@code ids} who exist, by id: one statement. */
    public Map<Long, Person> byIds(Collection<Long> ids) {
        return dsl.select(PERSON.ID, PERSON.NAME).from(PERSON)
                .where(PERSON.ID.eq(DSL.any(ids.toArray(Long[]::new))))
                .fetchMap(r -> r.value1(), r -> new Person(r.value1(), r.value2()));
    }

    /** People whose name contains {@code search} (any case), by name then id, a keyset page at a time. */
    public Page<Person> page(String search, PageRequest request, boolean count) {
        Condition where = search == null || search.isBlank() ? DSL.noCondition()
                : PERSON.NAME.likeIgnoreCase(LikePattern.contains(search.trim()), LikePattern.ESCAPE);
        Page<Person> page = KeysetPages.read(dsl.select(PERSON.ID, PERSON.NAME).from(PERSON).where(where), BY_NAME,
                request, r -> new Person(r.value1(), r.value2()));
        return page.withTotalCount(count ? dsl.fetchCount(PERSON, where) : null);
    }

    /** Where {@code person} sits in the by-name order. */
    public static Keyset positionOf(Person person) {
        return new Keyset(List.of(person.name(), person.id()));
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
