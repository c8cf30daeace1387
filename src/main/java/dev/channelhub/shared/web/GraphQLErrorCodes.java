package dev.channelhub.shared.web;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.smallrye.graphql.spi.EventingService;
import org.eclipse.microprofile.config.ConfigProvider;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Gives every GraphQL error the contract's {@code extensions.code}: resolver failures already carry it
 * (ApiException), this adds VALIDATION_FAILED to what graphql-java reports itself — syntax and validation
 * errors, and queries refused for exceeding the depth or complexity limits.
 */
public class GraphQLErrorCodes implements EventingService {

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        List<Instrumentation> chain = new ArrayList<>();
        Instrumentation existing = existing(builder);
        if (existing != null) {
            chain.add(existing);
        }
        // SPI-loaded (no CDI here): the limits are read from the configuration once, when the schema is built.
        var config = ConfigProvider.getConfig();
        chain.add(new GraphQLLimits(config.getOptionalValue("channelhub.graphql.max-cost", Long.class).orElse(50_000L),
                config.getOptionalValue("channelhub.graphql.max-concurrent-statements", Integer.class).orElse(4)));
        chain.add(new CodeInstrumentation());
        return builder.instrumentation(new ChainedInstrumentation(chain));
    }

    // SmallRye sets its own chain (depth, complexity, query cache) before this hook; keep it in front of ours.
    private static Instrumentation existing(GraphQL.Builder builder) {
        try {
            Field f = GraphQL.Builder.class.getDeclaredField("instrumentation");
            f.setAccessible(true);
            return (Instrumentation) f.get(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    static final class CodeInstrumentation extends SimplePerformantInstrumentation {

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                            InstrumentationExecutionParameters parameters,
                                                                            InstrumentationState state) {
            if (result.getErrors().isEmpty()) {
                return CompletableFuture.completedFuture(result);
            }
            List<GraphQLError> errors = new ArrayList<>(result.getErrors().size());
            boolean changed = false;
            for (GraphQLError e : result.getErrors()) {
                if (e instanceof ExceptionWhileDataFetching || (e.getExtensions() != null && e.getExtensions().containsKey("code"))) {
                    errors.add(e);
                    continue;
                }
                Map<String, Object> ext = new LinkedHashMap<>();
                if (e.getExtensions() != null) {
                    ext.putAll(e.getExtensions());
                }
                ext.put("code", "VALIDATION_FAILED");
                ext.put("classification", e.getErrorType() == null ? "ValidationError" : e.getErrorType().toString());
                String requestId = RequestIds.current();
                if (requestId != null) {
                    ext.put("requestId", requestId);
                }
                GraphqlErrorBuilder<?> b = GraphqlErrorBuilder.newError().message(e.getMessage()).extensions(ext);
                if (e.getLocations() != null) {
                    b.locations(e.getLocations());
                }
                if (e.getPath() != null) {
                    b.path(e.getPath());
                }
                errors.add(b.build());
                changed = true;
            }
            if (!changed) {
                return CompletableFuture.completedFuture(result);
            }
            return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().from(result).errors(errors).build());
        }
    }
}
