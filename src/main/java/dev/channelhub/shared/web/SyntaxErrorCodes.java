package dev.channelhub.shared.web;

import dev.channelhub.shared.error.ErrorCode;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.InvalidSyntaxError;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import io.quarkus.arc.ClientProxy;
import io.quarkus.arc.Unremovable;
import io.smallrye.graphql.cdi.producer.GraphQLProducer;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.schema.model.Schema;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.SubmissionPublisher;

/**
 * Gives the errors SmallRye answers itself, before graphql-java runs, the contract's {@code extensions.code}: a
 * document that does not parse (SmallRye says only "Unparseable input document") and a request without a query.
 * Both are {@code VALIDATION_FAILED}; a syntax error gets graphql-java's own message and location
 * ({@code classification: InvalidSyntax}), found by parsing the document again — only on that error path, so a
 * valid query is parsed once, as before.
 * <p>
 * How: SmallRye's {@link ExecutionService} (a CDI bean that Quarkus's GraphQL HTTP and WebSocket handlers look up) is
 * replaced by a subclass built from the same schema, which hands SmallRye a writer that rewrites such answers. Errors
 * that graphql-java reports (validation, depth, complexity) are coded by {@link GraphQLErrorCodes}.
 */
@ApplicationScoped
@Unremovable
public class SyntaxErrorCodes {

    @Produces
    @Singleton
    @Unremovable
    @Alternative
    @Priority(100)
    ExecutionService codedExecutionService(GraphQLProducer proxy) {
        GraphQLProducer producer = ClientProxy.unwrap(proxy); // the bean's fields, not the client proxy's
        GraphQLSchema graphQLSchema = read(producer, "graphQLSchema", GraphQLSchema.class);
        Schema schema = read(producer, "schema", Schema.class);
        if (graphQLSchema == null || schema == null) {
            throw new IllegalStateException("SmallRye GraphQL changed: GraphQLProducer holds no schema");
        }
        return new CodedExecutionService(graphQLSchema, schema, traficPublisher(producer));
    }

    @SuppressWarnings("unchecked")
    private static Optional<SubmissionPublisher<String>> traficPublisher(GraphQLProducer producer) {
        Optional<SubmissionPublisher<String>> publisher = read(producer, "traficPublisher", Optional.class);
        return publisher == null ? Optional.empty() : publisher;
    }

    private static <T> T read(GraphQLProducer producer, String name, Class<T> type) {
        try {
            Field f = GraphQLProducer.class.getDeclaredField(name);
            f.setAccessible(true);
            return type.cast(f.get(producer));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("SmallRye GraphQL changed: GraphQLProducer." + name + " not found", e);
        }
    }

    static final class CodedExecutionService extends ExecutionService {

        CodedExecutionService(GraphQLSchema graphQLSchema, Schema schema, Optional<SubmissionPublisher<String>> traficPublisher) {
            super(graphQLSchema, schema, traficPublisher);
        }

        @Override
        public void execute(JsonObject request, Map<String, Object> context, ExecutionResponseWriter writer, boolean async) {
            super.execute(request, context, new CodingWriter(writer, request), async);
        }
    }

    static final class CodingWriter implements ExecutionResponseWriter {
        private final ExecutionResponseWriter delegate;
        private final JsonObject request;

        CodingWriter(ExecutionResponseWriter delegate, JsonObject request) {
            this.delegate = delegate;
            this.request = request;
        }

        @Override
        public void write(ExecutionResponse response) {
            ExecutionResult result = response.getExecutionResult();
            if (result == null || result.getData() != null || result.getErrors().isEmpty()
                    || result.getErrors().stream().allMatch(CodingWriter::coded)) {
                delegate.write(response);
                return;
            }
            List<GraphQLError> errors = new ArrayList<>(result.getErrors().size());
            for (GraphQLError e : result.getErrors()) {
                errors.add(coded(e) ? e : code(e));
            }
            delegate.write(new ExecutionResponse(ExecutionResultImpl.newExecutionResult().from(result).errors(errors).build()));
        }

        @Override
        public void fail(Throwable t) {
            delegate.fail(t);
        }

        private static boolean coded(GraphQLError e) {
            return e.getExtensions() != null && e.getExtensions().containsKey("code");
        }

        private GraphQLError code(GraphQLError e) {
            GraphQLError source = e;
            String classification = "ValidationError";
            String query = query();
            if (query != null && !query.isBlank()) {
                try {
                    Parser.parse(query);
                } catch (InvalidSyntaxException syntax) {
                    InvalidSyntaxError error = syntax.toInvalidSyntaxError();
                    source = error;
                    classification = "InvalidSyntax";
                } catch (RuntimeException other) {
                    classification = "InvalidSyntax";
                }
            }
            Map<String, Object> extensions = new LinkedHashMap<>();
            if (source.getExtensions() != null) {
                extensions.putAll(source.getExtensions());
            }
            extensions.put("code", ErrorCode.VALIDATION_FAILED.name());
            extensions.put("classification", classification);
            String requestId = RequestIds.current();
            if (requestId != null) {
                extensions.put("requestId", requestId);
            }
            GraphqlErrorBuilder<?> b = GraphqlErrorBuilder.newError().message(source.getMessage()).extensions(extensions);
            if (source.getLocations() != null) {
                b.locations(source.getLocations());
            }
            return b.build();
        }

        private String query() {
            JsonValue value = request == null ? null : request.get("query");
            return value != null && value.getValueType() == JsonValue.ValueType.STRING ? request.getString("query") : null;
        }
    }
}
