package dev.channelhub.shared.web;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.StatementBudget;
import dev.channelhub.shared.security.CurrentCaller;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every GraphQL operation passes before its first resolver runs, over HTTP and WebSocket alike:
 * <ul>
 *   <li>a caller: no token is UNAUTHENTICATED, a token without a known role FORBIDDEN (over HTTP {@code AccessGate}
 *   answers first; over WebSocket the token may come late, in {@code connection_init});</li>
 *   <li>a cost within {@code channelhub.graphql.max-cost} ({@link QueryCost}: aliases and {@code first} count), else
 *   VALIDATION_FAILED with {@code extensions.cost} and {@code maxCost}, before any statement runs;</li>
 *   <li>at most {@code channelhub.graphql.max-concurrent-statements} statements at once on the pool
 *   ({@link StatementBudget}).</li>
 * </ul>
 */
final class GraphQLLimits extends SimplePerformantInstrumentation {

    private final long maxCost;
    private final int maxConcurrentStatements;
    private volatile Db db;

    GraphQLLimits(long maxCost, int maxConcurrentStatements) {
        this.maxCost = maxCost;
        this.maxConcurrentStatements = maxConcurrentStatements;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                  InstrumentationState state) {
        Db statements = db();
        StatementBudget budget = statements.openBudget(maxConcurrentStatements);
        if (budget == null) {
            return SimpleInstrumentationContext.noOp();
        }
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> statements.closeBudget(budget));
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        requireCaller(execution);
        OperationDefinition operation = execution.getOperationDefinition();
        GraphQLSchema schema = execution.getGraphQLSchema();
        GraphQLObjectType root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        long cost = QueryCost.of(schema, root, operation.getSelectionSet(), execution.getFragmentsByName(),
                execution.getCoercedVariables(), maxCost);
        if (cost > maxCost) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("code", ErrorCode.VALIDATION_FAILED.name());
            extensions.put("classification", "QueryTooCostly");
            extensions.put("cost", cost);
            extensions.put("maxCost", maxCost);
            GraphQLError error = GraphqlErrorBuilder.newError()
                    .message("the query costs at least " + cost + ", more than " + maxCost + " allowed: every selected field "
                            + "(each alias apart) counts once per row of the pages around it (first, default "
                            + "50); ask for smaller pages, fewer fields or fewer aliases")
                    .extensions(extensions).build();
            throw new AbortExecutionException(List.of(error));
        }
        return SimpleInstrumentationContext.noOp();
    }

    /**
     * Over HTTP the request context is active here; over WebSocket it is the connection's, kept by SmallRye in the
     * GraphQL context as "state" (the same one resolvers run in).
     */
    private static void requireCaller(ExecutionContext execution) {
        ManagedContext requests = Arc.container().requestContext();
        boolean activated = false;
        if (!requests.isActive()) {
            Object state = execution.getGraphQLContext().get("state");
            if (!(state instanceof InjectableContext.ContextState connection)) {
                return;
            }
            requests.activate(connection);
            activated = true;
        }
        try {
            Arc.container().instance(CurrentCaller.class).get().get();
        } catch (ApiException e) {
            Map<String, Object> extensions = Map.of("code", e.code().name(), "classification", e.code().name());
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError().message(e.getMessage())
                    .extensions(extensions).build()));
        } finally {
            if (activated) {
                requests.deactivate();
            }
        }
    }

    private Db db() {
        Db found = db;
        if (found == null) {
            found = Arc.container().instance(Db.class).get();
            db = found;
        }
        return found;
    }
}
