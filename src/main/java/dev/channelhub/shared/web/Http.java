package dev.channelhub.shared.web;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import jakarta.ws.rs.core.EntityTag;
import org.jboss.resteasy.reactive.RestResponse;

/** REST conventions shared by every resource: ETag/If-Match and idempotent create answers. */
public final class Http {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IF_MATCH = "If-Match";
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

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

    /** 200 with the body's version as a strong ETag ({@code "3"}), which a later If-Match sends back. */
    public static <T> RestResponse<T> ok(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).tag(etag(version)).build();
    }

    /** 201 for a new resource, or the original status when the Idempotency-Key replays it. */
    public static <T> RestResponse<T> outcome(Outcome<T> outcome) {
        RestResponse.ResponseBuilder<T> b = RestResponse.ResponseBuilder.<T>create(outcome.status()).entity(outcome.body());
        if (outcome.replayed()) {
            b.header(IDEMPOTENT_REPLAYED, "true");
        }
        return b.build();
    }
}
