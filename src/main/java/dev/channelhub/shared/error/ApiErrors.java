package dev.channelhub.shared.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Turns any failure into the contract's {@link ApiException}: one classification for REST (problem+json)
 * and GraphQL ({@code extensions.code}). Nothing it produces names a Java class or carries a stack trace.
 */
public final class ApiErrors {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    public static ApiException from(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ApiException api) {
            return api;
        }
        if (t instanceof AuthenticationFailedException || t instanceof UnauthorizedException) {
            return new ApiException(ErrorCode.UNAUTHENTICATED, "a valid bearer token is required");
        }
        if (t instanceof io.quarkus.security.ForbiddenException) {
            return new ApiException(ErrorCode.FORBIDDEN, "this role may not do this");
        }
        if (t instanceof ConstraintViolationException cve) {
            return fromViolations(cve);
        }
        if (t instanceof JsonProcessingException jpe) {
            return fromJson(jpe);
        }
        if (t instanceof WebApplicationException wae) {
            return fromStatus(wae.getResponse().getStatus(), t);
        }
        PgException pg = find(t, PgException.class);
        if (pg != null) {
            return fromPostgres(pg.getSqlState(), pg.getConstraint(), t);
        }
        // Hibernate Reactive turns the driver's failure into a JDBCException (SQL state kept, PgException dropped).
        org.hibernate.JDBCException jdbc = find(t, org.hibernate.JDBCException.class);
        if (jdbc != null) {
            return fromPostgres(jdbc.getSQLState(), jdbc instanceof org.hibernate.exception.ConstraintViolationException cv
                    ? cv.getConstraintName() : null, t);
        }
        if (find(t, jakarta.persistence.OptimisticLockException.class) != null || find(t, org.hibernate.StaleStateException.class) != null) {
            return new ApiException(ErrorCode.VERSION_CONFLICT, "the resource was changed concurrently; read it again");
        }
        if (find(t, ConnectException.class) != null || find(t, ClosedConnectionException.class) != null || isConnectionLoss(t)) {
            LOG.warnf("database unavailable: %s", t.toString());
            return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "the database is unavailable; retry shortly");
        }
        LOG.error("unexpected failure", t);
        return new ApiException(ErrorCode.INTERNAL_ERROR, "an unexpected error occurred; it has been logged");
    }

    private static ApiException fromStatus(int status, Throwable t) {
        return switch (status) {
            case 401 -> new ApiException(ErrorCode.UNAUTHENTICATED, "a valid bearer token is required");
            case 403 -> new ApiException(ErrorCode.FORBIDDEN, "this role may not do this");
            case 404 -> new ApiException(ErrorCode.NOT_FOUND, "no such resource");
            case 503 -> new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "service unavailable; retry shortly");
            default -> {
                if (status >= 500) {
                    LOG.error("unexpected failure", t);
                    yield new ApiException(ErrorCode.INTERNAL_ERROR, "an unexpected error occurred; it has been logged");
                }
                yield new StatusApiException(status, safeMessage(t, status));
            }
        };
    }

    private static String safeMessage(Throwable t, int status) {
        return switch (status) {
            case 405 -> "method not allowed on this resource";
            case 406 -> "the requested media type is not available";
            case 413 -> "request body too large";
            case 415 -> "unsupported media type; send application/json";
            default -> "malformed request";
        };
    }

    /**
     * A unique-key violation, from the Vert.x pool ({@code PgException}) or from Hibernate Reactive (a
     * {@code JDBCException} carrying the SQL state), so services map DUPLICATE alike on both paths.
     */
    public static boolean isUniqueViolation(Throwable failure) {
        PgException pg = find(failure, PgException.class);
        if (pg != null) {
            return "23505".equals(pg.getSqlState());
        }
        org.hibernate.JDBCException jdbc = find(failure, org.hibernate.JDBCException.class);
        return jdbc != null && "23505".equals(jdbc.getSQLState());
    }

    private static ApiException fromPostgres(String state, String constraint, Throwable original) {
        if (state == null) {
            state = "";
        }
        return switch (state) {
            case "23505" -> new ApiException(ErrorCode.DUPLICATE, duplicateDetail(constraint));
            case "23503", "23514", "23502", "22001", "22003", "22P02", "22007", "22008" ->
                    new ApiException(ErrorCode.VALIDATION_FAILED, "the request breaks a data rule (" + constraint + ")");
            case "40001", "40P01" -> new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "concurrent update; retry the request");
            // statement_timeout (quarkus.datasource.reactive.additional-properties.statement_timeout) cancelled it
            case "57014" -> new ApiException(ErrorCode.REQUEST_TIMEOUT, "the request took too long and was cancelled; retry later");
            case "57P01", "57P02", "57P03", "08006", "08003", "08001" ->
                    new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "the database is unavailable; retry shortly");
            default -> {
                LOG.error("database failure", original);
                yield new ApiException(ErrorCode.INTERNAL_ERROR, "an unexpected error occurred; it has been logged");
            }
        };
    }

    private static String duplicateDetail(String constraint) {
        return constraint == null ? "a resource with this unique value already exists"
                : "a resource with this unique value already exists (" + constraint + ")";
    }

    private static boolean isConnectionLoss(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && (m.contains("Connection refused") || m.contains("Connection is closed")
                    || m.contains("Fail to read any response from the server") || m.contains("Failed to read any response from the server") || m.contains("Timeout"))) {
                return true;
            }
        }
        return false;
    }

    private static ApiException fromViolations(ConstraintViolationException cve) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
            errors.add(new FieldError(fieldOf(v), v.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return ApiException.invalid(errors);
    }

    /** {@code create.request.lines[0].quantity} → {@code lines[0].quantity}: drop the method and parameter. */
    private static String fieldOf(ConstraintViolation<?> v) {
        List<String> parts = new ArrayList<>();
        Iterator<jakarta.validation.Path.Node> it = v.getPropertyPath().iterator();
        StringBuilder sb = new StringBuilder();
        while (it.hasNext()) {
            jakarta.validation.Path.Node node = it.next();
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> parts.clear();
                default -> {
                    String name = node.getName() == null ? "" : node.getName();
                    if (node.getIndex() != null && !parts.isEmpty()) {
                        int last = parts.size() - 1;
                        parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
                    }
                    if (!name.isEmpty()) {
                        parts.add(name);
                    }
                }
            }
        }
        sb.append(String.join(".", parts));
        return sb.length() == 0 ? "body" : sb.toString();
    }

    private static ApiException fromJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String field = path(jme.getPath(), "body");
            String message = e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()
                    ? "must be one of " + java.util.Arrays.toString(ife.getTargetType().getEnumConstants())
                    : "has the wrong type or format";
            return ApiException.invalid(field, message);
        }
        return ApiException.invalid("body", "malformed JSON");
    }

    /** The JSON path of a Jackson mapping failure ({@code lines[2].quantity}); {@code whole} when it has none. */
    public static String path(List<JsonMappingException.Reference> refs, String whole) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? whole : sb.toString();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        for (int i = 0; i < 10 && current != null; i++) {
            if (current instanceof ApiException) {
                return current;
            }
            if (current instanceof CompositeException ce && !ce.getCauses().isEmpty()) {
                current = ce.getCauses().get(0);
                continue;
            }
            if ((current instanceof java.util.concurrent.CompletionException
                    || current instanceof java.util.concurrent.ExecutionException
                    || current.getClass().getName().endsWith("DataFetcherException")
                    || current instanceof java.lang.reflect.InvocationTargetException)
                    && current.getCause() != null) {
                current = current.getCause();
                continue;
            }
            ApiException nested = find(current, ApiException.class);
            return nested != null ? nested : current;
        }
        return current == null ? t : current;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    /** A client error whose HTTP status has no code of its own in the contract (405, 406, 413, 415). */
    public static final class StatusApiException extends ApiException {
        private final int status;

        StatusApiException(int status, String detail) {
            super(ErrorCode.VALIDATION_FAILED, detail);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
