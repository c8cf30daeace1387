package dev.channelhub.shared.persistence;

import dev.channelhub.shared.error.ApiException;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered UUIDs (version 7): ids sort by creation, so keyset paging on id is creation order. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID newId() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | 0x7000L | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** Parses an id from a path, body or argument; a malformed one is a 400 naming {@code field}. */
    public static UUID parse(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "is not a valid id");
        }
    }

    /** Like {@link #parse} for a path id, where a malformed id simply names nothing: 404. */
    public static UUID parseOrNotFound(String value, String what) {
        try {
            if (value == null || value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(what, value);
        }
    }

    public static UUID parseNullable(String value, String field) {
        return value == null || value.isBlank() ? null : parse(value, field);
    }
}
