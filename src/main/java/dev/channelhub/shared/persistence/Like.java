package dev.channelhub.shared.persistence;

/**
 * Search text as a bound {@code like} parameter: the user's {@code \ % _} are taken literally (PostgreSQL's default
 * escape character is the backslash), so a search never becomes a wildcard the user did not type.
 */
public final class Like {

    private Like() {
    }

    /** {@code s} with {@code \ % _} escaped. */
    public static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A pattern that matches values containing {@code s}. */
    public static String containing(String s) {
        return "%%%s%%".formatted(escape(s));
    }

    /** A pattern that matches values starting with {@code s}. */
    public static String startingWith(String s) {
        return "%s%%".formatted(escape(s));
    }
}
