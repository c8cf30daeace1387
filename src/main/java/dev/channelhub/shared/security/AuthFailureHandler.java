package dev.channelhub.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.error.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;

/**
 * A bad, expired or foreign-signed token fails before REST or GraphQL run (proactive authentication);
 * this answers it with the same problem+json as every other error instead of an empty 401.
 */
@ApplicationScoped
public class AuthFailureHandler {

    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        router.route().order(-1000).failureHandler(ctx -> {
            Throwable failure = ctx.failure();
            if (failure instanceof AuthenticationFailedException && !ctx.response().headWritten()) {
                try {
                    String body = mapper.writeValueAsString(Problem.of(ErrorCode.UNAUTHENTICATED,
                            "the bearer token is invalid, expired or not signed by a trusted key", List.of()));
                    ctx.response().setStatusCode(401)
                            .putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .putHeader("WWW-Authenticate", "Bearer")
                            .end(body);
                } catch (Exception e) {
                    ctx.next();
                }
            } else {
                ctx.next();
            }
        });
    }
}
