package dev.channelhub.shared.paging;

import dev.channelhub.shared.error.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A validated page request: {@code limit} (REST) / {@code first} (GraphQL), default 50, at most 500, and an
 * opaque cursor that encodes the last key of the previous page.
 */
public record PageRequest(int limit, String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** REST: {@code ?limit=&cursor=} as they arrive. */
    public static PageRequest of(String limit, String cursor) {
        return of(dev.channelhub.shared.web.Params.integer(limit, "limit"), cursor, "limit", "cursor");
    }

    public static PageRequest of(Integer limit, String cursor, String limitField, String cursorField) {
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw ApiException.invalid(limitField, "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(n, cursor == null || cursor.isBlank() ? null : decode(cursor, cursorField));
    }

    /** Fetch one row more than the page to know whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("k:" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor, String field) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("k:") || raw.length() > 512) {
                throw new IllegalArgumentException();
            }
            return raw.substring(2);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "is not a cursor this API issued");
        }
    }

    /** The decoded cursor as a UUID key (the usual case: keyset paging on time-ordered ids). */
    public java.util.UUID afterId() {
        if (after == null) {
            return null;
        }
        try {
            return java.util.UUID.fromString(after);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("cursor", "is not a cursor this API issued");
        }
    }
}
