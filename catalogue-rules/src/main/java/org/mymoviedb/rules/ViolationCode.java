package org.mymoviedb.rules;

/** The stable codes of the ways a movie's field can break the rules; clients match on these, never on messages. */
public enum ViolationCode {
    /** The field must have a value and has none (or only blanks). */
    REQUIRED,
    /** The text is longer than the rules allow. */
    TOO_LONG,
    /** The value is outside the range the rules allow. */
    OUT_OF_RANGE,
    /** The text given for a date is no day on the calendar; each reader of dates says which text it was. */
    INVALID_DATE
}
