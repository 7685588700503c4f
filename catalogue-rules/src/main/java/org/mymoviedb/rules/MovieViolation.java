package org.mymoviedb.rules;

/**
 * A way a movie's field can break the rules: the field it concerns (named as the API's MovieInput and the desktop
 * form name it), a stable code, and a message an editor can act on. Each writer maps it to its own form.
 */
public enum MovieViolation {
    TITLE_REQUIRED("title", ViolationCode.REQUIRED, "A title is required"),
    TITLE_TOO_LONG("title", ViolationCode.TOO_LONG,
            "A title has at most " + MovieRuleSet.MAX_TITLE_CODE_POINTS + " characters"),
    RELEASE_DATE_REQUIRED("releaseDate", ViolationCode.REQUIRED, "A release date is required"),
    RELEASE_DATE_TOO_EARLY("releaseDate", ViolationCode.OUT_OF_RANGE,
            "Release dates start in " + MovieRuleSet.EARLIEST_RELEASE_YEAR),
    RELEASE_DATE_TOO_FAR_AHEAD("releaseDate", ViolationCode.OUT_OF_RANGE,
            "A release date may be at most " + MovieRuleSet.MAX_YEARS_AHEAD + " years ahead"),
    RATING_OUT_OF_RANGE("rating", ViolationCode.OUT_OF_RANGE,
            "A rating is " + MovieRuleSet.MIN_RATING + " to " + MovieRuleSet.MAX_RATING),
    RUNTIME_OUT_OF_RANGE("runtimeMinutes", ViolationCode.OUT_OF_RANGE,
            "A runtime is " + MovieRuleSet.MIN_RUNTIME_MINUTES + " to " + MovieRuleSet.MAX_RUNTIME_MINUTES
                    + " minutes");

    private final String field;
    private final ViolationCode code;
    private final String message;

    MovieViolation(String field, ViolationCode code, String message) {
        this.field = field;
        this.code = code;
        this.message = message;
    }

    /** The field it concerns: title, releaseDate, rating or runtimeMinutes. */
    public String field() {
        return field;
    }

    public ViolationCode code() {
        return code;
    }

    /** What to tell the editor, naming the limit. */
    public String message() {
        return message;
    }
}
