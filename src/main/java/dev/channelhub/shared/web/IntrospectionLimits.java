package dev.channelhub.shared.web;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.validation.ValidationError;
import io.smallrye.graphql.spi.EventingService;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Lets the standard introspection query (graphql-js {@code getIntrospectionQuery()}, sent by GraphiQL, graphql-codegen
 * and Apollo; 15 levels deep because of its nested {@code ofType}) through the depth and complexity limits, which
 * exist to protect data queries. An operation is exempt only when every root selection is {@code __schema},
 * {@code __type} or {@code __typename}: such an operation reads the schema, never data. It is still bounded by
 * graphql-java's good-faith introspection check (on by default: each of {@code __Type.fields}, {@code inputFields},
 * {@code interfaces}, {@code possibleTypes} at most once, at most 20 levels and 500 fields), so a hostile
 * cyclic introspection query is refused all the same. A data query, or one mixing data with introspection, meets
 * the limits unchanged.
 * <p>
 * Works on whatever chain SmallRye built ({@code quarkus.smallrye-graphql.instrumentation-query-depth/-complexity}):
 * every {@link MaxQueryDepthInstrumentation} and {@link MaxQueryComplexityInstrumentation} in it (subclasses too) is
 * wrapped; their numbers stay in the configuration. Registered in
 * {@code META-INF/services/io.smallrye.graphql.spi.EventingService}.
 */
public class IntrospectionLimits implements EventingService {

    private static final Logger LOG = Logger.getLogger(IntrospectionLimits.class);
    private static final Set<String> INTROSPECTION_ROOTS = Set.of("__schema", "__type", "__typename");

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        Instrumentation existing = existing(builder);
        if (existing == null) {
            LOG.warn("GraphQL: no instrumentation chain found; introspection meets the depth and complexity limits");
            return builder;
        }
        return builder.instrumentation(exemptIntrospection(existing));
    }

    static Instrumentation exemptIntrospection(Instrumentation instrumentation) {
        if (instrumentation instanceof MaxQueryDepthInstrumentation || instrumentation instanceof MaxQueryComplexityInstrumentation) {
            return new ExceptIntrospection(instrumentation);
        }
        if (instrumentation instanceof ChainedInstrumentation chained) {
            List<Instrumentation> wrapped = new ArrayList<>();
            for (Instrumentation i : chained.getInstrumentations()) {
                wrapped.add(exemptIntrospection(i));
            }
            return new ChainedInstrumentation(wrapped);
        }
        return instrumentation;
    }

    private static Instrumentation existing(GraphQL.Builder builder) {
        try {
            java.lang.reflect.Field f = GraphQL.Builder.class.getDeclaredField("instrumentation");
            f.setAccessible(true);
            return (Instrumentation) f.get(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** True when the operation only reads the schema: every root field, through fragments too, is an introspection field. */
    public static boolean introspectionOnly(OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
        return operation != null && operation.getOperation() == OperationDefinition.Operation.QUERY
                && introspectionOnly(operation.getSelectionSet(), fragments, new HashSet<>());
    }

    private static boolean introspectionOnly(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> seen) {
        if (set == null || set.getSelections().isEmpty()) {
            return false;
        }
        for (Selection<?> selection : set.getSelections()) {
            boolean ok;
            if (selection instanceof Field field) {
                ok = INTROSPECTION_ROOTS.contains(field.getName());
            } else if (selection instanceof InlineFragment inline) {
                ok = introspectionOnly(inline.getSelectionSet(), fragments, seen);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition definition = fragments.get(spread.getName());
                ok = definition != null && seen.add(spread.getName()) && introspectionOnly(definition.getSelectionSet(), fragments, seen);
            } else {
                ok = false;
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A depth or complexity limit that does not look at introspection-only operations. */
    static final class ExceptIntrospection implements Instrumentation {
        private final Instrumentation limit;

        ExceptIntrospection(Instrumentation limit) {
            this.limit = limit;
        }

        Instrumentation limit() {
            return limit;
        }

        @Override
        public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
            return limit.createStateAsync(parameters);
        }

        @Override
        public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                              InstrumentationState state) {
            return limit.beginValidation(parameters, state);
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                              InstrumentationState state) {
            var context = parameters.getExecutionContext();
            if (introspectionOnly(context.getOperationDefinition(), context.getFragmentsByName())) {
                return SimpleInstrumentationContext.noOp();
            }
            return limit.beginExecuteOperation(parameters, state);
        }
    }
}
