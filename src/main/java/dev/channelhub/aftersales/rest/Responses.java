package dev.channelhub.aftersales.rest;

import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.web.Http;
import org.jboss.resteasy.reactive.RestResponse;

/** Typed answers (so the OpenAPI document knows each body's type) with the project's ETag and replay conventions. */
final class Responses {

    private Responses() {
    }

    static <T> RestResponse<T> ok(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).tag(Http.etag(version)).build();
    }

    /** 201 for a new resource, or the original status when the Idempotency-Key replays it. */
    static <T> RestResponse<T> outcome(Outcome<T> outcome) {
        RestResponse.ResponseBuilder<T> b = RestResponse.ResponseBuilder.<T>create(outcome.status()).entity(outcome.body());
        if (outcome.replayed()) {
            b.header("Idempotent-Replayed", "true");
        }
        return b.build();
    }
}
