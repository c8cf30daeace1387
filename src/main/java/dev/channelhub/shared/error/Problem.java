package dev.channelhub.shared.error;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.channelhub.shared.web.RequestIds;

import java.util.List;

/**
 * RFC 9457 problem details with the contract's {@code code}, field {@code errors} and the request's id
 * ({@code requestId}, the {@code X-Request-Id} of the answer; absent outside a request).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors,
                      String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ApiException e) {
        return of(e.code(), e.getMessage(), e.errors());
    }

    public static Problem of(ErrorCode code, String detail, List<FieldError> errors) {
        return new Problem(code.type(), code.title(), code.status(), detail, code.name(), errors, RequestIds.current());
    }
}
