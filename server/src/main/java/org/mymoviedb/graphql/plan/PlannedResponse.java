package org.mymoviedb.graphql.plan;

import graphql.GraphQLContext;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.graphql.fetching.Connection;
import org.mymoviedb.movie.Movie;
import org.mymoviedb.movie.Runtime;
import org.mymoviedb.names.Genre;
import org.mymoviedb.names.Person;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * A planned operation's {@code data}, read and ready: Jackson writes it straight into the response, field by
 * field in the plan's order, with the schema's own scalars, as graphql-java's result map would be written.
 */
final class PlannedResponse extends JacksonSerializable.Base {

    private final PlanNode query;
    private final Object[] values;
    private final Map<Long, List<Genre>> genres;
    private final Map<Long, List<Person>> directors;
    private final Coercing<?, ?> date;
    private final Coercing<?, ?> dateTime;
    private final GraphQLContext context;
    private final Locale locale;

    PlannedResponse(PlanNode query, Object[] values, Map<Long, List<Genre>> genres,
                    Map<Long, List<Person>> directors, GraphQLSchema schema, GraphQLContext context, Locale locale) {
        this.query = query;
        this.values = values;
        this.genres = genres;
        this.directors = directors;
        this.date = ((GraphQLScalarType) schema.getType("Date")).getCoercing();
        this.dateTime = ((GraphQLScalarType) schema.getType("DateTime")).getCoercing();
        this.context = context;
        this.locale = locale;
    }

    @Override
    public void serialize(JsonGenerator g, SerializationContext serializers) {
        g.writeStartObject();
        List<PlanNode.Selected> roots = query.fields();
        for (int i = 0; i < roots.size(); i++) {
            PlanNode.Selected root = roots.get(i);
            g.writeName(root.key());
            switch (root.field()) {
                case MOVIES -> writeConnection(g, root.selection(), (Connection<?>) values[i]);
                case MOVIE -> writeMovie(g, root.selection(), (Movie) values[i]);
                default -> g.writeString(query.type());
            }
        }
        g.writeEndObject();
    }

    @Override
    public void serializeWithType(JsonGenerator g, SerializationContext serializers, TypeSerializer types) {
        serialize(g, serializers);
    }

    private void writeConnection(JsonGenerator g, PlanNode node, Connection<?> connection) {
        g.writeStartObject();
        for (PlanNode.Selected field : node.fields()) {
            g.writeName(field.key());
            switch (field.field()) {
                case TOTAL_COUNT -> g.writeNumber(connection.totalCount());
                case PAGE_INFO -> writePageInfo(g, field.selection(), connection.pageInfo());
                case EDGES -> {
                    g.writeStartArray();
                    for (Connection.Edge<?> edge : connection.edges()) {
                        writeEdge(g, field.selection(), edge);
                    }
                    g.writeEndArray();
                }
                default -> g.writeString(node.type());
            }
        }
        g.writeEndObject();
    }

    private void writeEdge(JsonGenerator g, PlanNode node, Connection.Edge<?> edge) {
        g.writeStartObject();
        for (PlanNode.Selected field : node.fields()) {
            g.writeName(field.key());
            switch (field.field()) {
                case CURSOR -> g.writeString(edge.cursor());
                case NODE -> writeMovie(g, field.selection(), (Movie) edge.node());
                default -> g.writeString(node.type());
            }
        }
        g.writeEndObject();
    }

    private static void writePageInfo(JsonGenerator g, PlanNode node, Connection.PageInfo info) {
        g.writeStartObject();
        for (PlanNode.Selected field : node.fields()) {
            g.writeName(field.key());
            switch (field.field()) {
                case HAS_NEXT_PAGE -> g.writeBoolean(info.hasNextPage());
                case HAS_PREVIOUS_PAGE -> g.writeBoolean(info.hasPreviousPage());
                case START_CURSOR -> g.writeString(info.startCursor());
                case END_CURSOR -> g.writeString(info.endCursor());
                default -> g.writeString(node.type());
            }
        }
        g.writeEndObject();
    }

    private void writeMovie(JsonGenerator g, PlanNode node, Movie movie) {
        g.writeStartObject();
        for (PlanNode.Selected field : node.fields()) {
            g.writeName(field.key());
            switch (field.field()) {
                case ID -> g.writeString(Ids.global(NodeType.MOVIE, movie.id()));
                case DATABASE_ID -> writeDatabaseId(g, movie.id());
                case TITLE -> g.writeString(movie.title());
                case RELEASE_DATE -> g.writeString((String) date.serialize(movie.releaseDate(), context, locale));
                case RATING -> {
                    if (movie.rating() == null) {
                        g.writeNull();
                    } else {
                        g.writeNumber(movie.rating().intValue());
                    }
                }
                case RUNTIME -> writeRuntime(g, field.selection(), movie.runtime());
                case GENRES -> {
                    g.writeStartArray();
                    for (Genre genre : genres.get(movie.id())) {
                        writeName(g, field.selection(), NodeType.GENRE, genre.id(), genre.name());
                    }
                    g.writeEndArray();
                }
                case DIRECTORS -> {
                    g.writeStartArray();
                    for (Person person : directors.get(movie.id())) {
                        writeName(g, field.selection(), NodeType.PERSON, person.id(), person.name());
                    }
                    g.writeEndArray();
                }
                case CREATED_AT -> g.writeString((String) dateTime.serialize(movie.createdAt(), context, locale));
                case UPDATED_AT -> g.writeString((String) dateTime.serialize(movie.updatedAt(), context, locale));
                case VERSION -> g.writeNumber(movie.version());
                default -> g.writeString(node.type());
            }
        }
        g.writeEndObject();
    }

    private static void writeRuntime(JsonGenerator g, PlanNode node, Runtime runtime) {
        if (runtime == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        for (PlanNode.Selected field : node.fields()) {
            g.writeName(field.key());
            switch (field.field()) {
                case MINUTES -> g.writeNumber(runtime.minutes());
                case ISO8601 -> g.writeString(runtime.iso8601());
                default -> g.writeString(node.type());
            }
        }
        g.writeEndObject();
    }

    /** Int!, as graphql-java's Int writes it; PlannedReads leaves an id beyond 32 bits to graphql-java's error. */
    private static void writeDatabaseId(JsonGenerator g, long id) {
        g.writeNumber(Math.toIntExact(id));
    }

    /** A genre or a person: both are an id and a name. */
    private static void writeName(JsonGenerator g, PlanNode node, NodeType type, long id, String name) {
        g.writeStartObject();
        for (PlanNode.Selected field : node.fields()) {
            g.writeName(field.key());
            switch (field.field()) {
                case ID -> g.writeString(Ids.global(type, id));
                case DATABASE_ID -> writeDatabaseId(g, id);
                case NAME -> g.writeString(name);
                default -> g.writeString(node.type());
            }
        }
        g.writeEndObject();
    }
}
