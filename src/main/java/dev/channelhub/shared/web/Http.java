package dev.channelhub.shared.web;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/** REST conventions shared by every resource: ETag/If-Match and idempotent create answers. */
public final class Http {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IF_MATCH = "If-Match";

    private Http() {
    }

    /** The version an {@code If-Match} header asks for, or null when absent or {@code *}. */
    public static Integer ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String v = header.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw ApiException.invalid(IF_MATCH, "must be an ETag this API issued, e.g. \"3\"");
        }
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(etag(version)).build();
    }

    /** 201 for a new resource, or the original status when the Idempotency-Key replays it. */
    public static Response outcome(Outcome<?> outcome) {
        Response.ResponseBuilder b = Response.status(outcome.status()).entity(outcome.body());
        if (outcome.replayed()) {
            b.header("Idempotent-Replayed", "true");
        }
        return b.build();
    }
}
