package org.mymoviedb.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mymoviedb.movie.ImpossibleDate;

/** The scalars on their own, without a schema or a server: what they read, refuse and write. */
class DateScalarsTest {

    private static final GraphQLContext CONTEXT = GraphQLContext.getDefault();

    private final Coercing<?, ?> date = DateScalars.date().getCoercing();
    private final Coercing<?, ?> dateTime = DateScalars.dateTime().getCoercing();

    @Test
    void aDateIsReadFromVariablesAndLiterals() {
        assertThat(date.parseValue("2024-02-29", CONTEXT, Locale.ROOT)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(literal(date, StringValue.of("1962-04-11"))).isEqualTo(LocalDate.of(1962, 4, 11));
        assertThat(date.parseValue(LocalDate.of(1958, 5, 9), CONTEXT, Locale.ROOT)).isEqualTo(LocalDate.of(1958, 5, 9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30", "2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-5-31",
        "31/05/2024", "2024-05-31T00:00:00Z", "", "yesterday"})
    void aVariableThatIsNoDayIsRefusedNamingItsText(String text) {
        assertThatThrownBy(() -> date.parseValue(text, CONTEXT, Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class).hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining("2024-05-31");
    }

    @Test
    void aVariableThatIsNoTextIsRefused() {
        assertThatThrownBy(() -> date.parseValue(20240531, CONTEXT, Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class).hasMessageContaining("Integer");
        assertThatThrownBy(() -> date.parseValue(null, CONTEXT, Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class).hasMessageContaining("null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30", "2023-02-29", "2024-04-31", "2024-13-01", "0000-00-00"})
    void aCalendarShapedLiteralThatIsNoDayBecomesAnImpossibleDate(String text) {
        Object read = literal(date, StringValue.of(text));

        assertThat(read).isInstanceOfSatisfying(ImpossibleDate.class, impossible -> {
            assertThat(impossible.text()).isEqualTo(text);
            assertThat(impossible.reason()).contains(text);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-5-31", "31/05/2024", "2024-05-31T00:00:00Z", "", "20240531", " 2024-05-31"})
    void aLiteralOfAnotherShapeFailsTheDocument(String text) {
        assertThatThrownBy(() -> literal(date, StringValue.of(text))).isInstanceOf(CoercingParseLiteralException.class)
                .hasMessageContaining(text);
    }

    @Test
    void aLiteralThatIsNoStringFailsTheDocument() {
        assertThatThrownBy(() -> literal(date, IntValue.of(20240531))).isInstanceOf(CoercingParseLiteralException.class)
                .hasMessageContaining("IntValue");
        assertThatThrownBy(() -> literal(dateTime, new IntValue(BigInteger.ONE)))
                .isInstanceOf(CoercingParseLiteralException.class);
    }

    @Test
    void aDateIsWrittenAsIsoText() {
        assertThat(serialize(date, LocalDate.of(1962, 4, 11))).isEqualTo("1962-04-11");
        assertThat(serialize(date, LocalDate.of(1895, 12, 28))).isEqualTo("1895-12-28");
        assertThat(date.valueToLiteral(LocalDate.of(2024, 2, 29), CONTEXT, Locale.ROOT))
                .isInstanceOfSatisfying(StringValue.class, v -> assertThat(v.getValue()).isEqualTo("2024-02-29"));
    }

    @Test
    void aDateTimeIsAlwaysWrittenToTheMillisecondWithZForUtc() {
        assertThat(serialize(dateTime, OffsetDateTime.of(2024, 5, 31, 12, 0, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("2024-05-31T12:00:00.000Z");
        assertThat(serialize(dateTime, OffsetDateTime.of(2024, 5, 31, 12, 0, 7, 123_456_789, ZoneOffset.UTC)))
                .isEqualTo("2024-05-31T12:00:07.123Z");
        assertThat(serialize(dateTime, OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 6_000_000, ZoneOffset.ofHours(2))))
                .isEqualTo("2024-01-02T03:04:05.006+02:00");
        assertThat(serialize(dateTime, OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(-5, -30))))
                .isEqualTo("2024-01-02T03:04:05.000-05:30");
    }

    @Test
    void aDateTimeWithoutSecondsIsRead() {
        assertThat(dateTime.parseValue("2024-05-31T12:00Z", CONTEXT, Locale.ROOT))
                .isEqualTo(OffsetDateTime.of(2024, 5, 31, 12, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void aValueOfAnotherTypeIsNotWritten() {
        assertThatThrownBy(() -> serialize(date, "2024-05-31")).isInstanceOf(CoercingSerializeException.class)
                .hasMessageContaining("LocalDate").hasMessageContaining("String");
        assertThatThrownBy(() -> serialize(date, null)).isInstanceOf(CoercingSerializeException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> serialize(dateTime, LocalDateTime.of(2024, 5, 31, 12, 0)))
                .isInstanceOf(CoercingSerializeException.class).hasMessageContaining("OffsetDateTime");
        assertThatThrownBy(() -> serialize(dateTime, LocalDate.of(2024, 5, 31)))
                .isInstanceOf(CoercingSerializeException.class);
    }

    private static Object literal(Coercing<?, ?> coercing, Value<?> value) {
        return coercing.parseLiteral(value, CoercedVariables.emptyVariables(), CONTEXT, Locale.ROOT);
    }

    private static Object serialize(Coercing<?, ?> coercing, Object value) {
        return coercing.serialize(value, CONTEXT, Locale.ROOT);
    }

    /** The hand-written DateTime writer says what the formatter says, for instants of every kind. */
    @Test
    void aDateTimeIsWrittenAsTheFormatterWritesIt() {
        java.util.Random random = new java.util.Random(11);
        int[] offsets = {0, 3600, -3600, 19800, -34200, 45900, 64800, -64800, 61, -59};
        int[] years = {0, 1, 999, 1899, 1970, 2024, 9999, 10000, -1, 275760};
        for (int i = 0; i < 20_000; i++) {
            int year = i < years.length * offsets.length ? years[i % years.length] : 1 + random.nextInt(9998);
            OffsetDateTime instant = OffsetDateTime.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000_000),
                    ZoneOffset.ofTotalSeconds(offsets[(i / years.length) % offsets.length]));
            assertThat(DateScalars.dateTimeText(instant)).as("%s", instant)
                    .isEqualTo(DateScalars.DATE_TIME_WRITE.format(instant));
        }
    }
}
