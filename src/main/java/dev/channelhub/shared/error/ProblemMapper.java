package dev.channelhub.shared.error;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure of a REST call becomes {@code application/problem+json}. */
public class ProblemMapper {

    // Listed one by one because Quarkus picks the closest mapper by type and ships its own for several of these.
    @ServerExceptionMapper({Throwable.class, jakarta.ws.rs.WebApplicationException.class,
            jakarta.validation.ValidationException.class, jakarta.validation.ConstraintViolationException.class,
            com.fasterxml.jackson.core.JsonProcessingException.class,
            com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
            com.fasterxml.jackson.databind.exc.InvalidFormatException.class,
            com.fasterxml.jackson.core.JsonParseException.class,
            io.quarkus.security.AuthenticationFailedException.class, io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.ForbiddenException.class})
    public Response map(Throwable failure) {
        return toResponse(ApiErrors.from(failure));
    }

    public static Response toResponse(ApiException e) {
        int status = e instanceof ApiErrors.StatusApiException s ? s.status() : e.code().status();
        Problem problem = Problem.of(e);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(problem.type(), problem.title(), status, problem.detail(), problem.code(), problem.errors(),
                        problem.requestId()));
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        if (status == 503) {
            builder.header("Retry-After", "2");
        }
        return builder.build();
    }
}
