package dev.channelhub.shared.web;

import dev.channelhub.shared.paging.PageRequest;
import graphql.execution.CoercedVariables;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.util.Map;

/**
 * What a GraphQL operation may cost before it runs: every selected field (each alias counts on its own) costs 1 for
 * each object it is resolved on, so a field inside a page counts once per row the page may hold.
 * <ul>
 *   <li>a field with a {@code first} argument (a connection) multiplies what is below it by {@code first}, or by the
 *   default page size when {@code first} is absent ({@code edges} inside it adds nothing more);</li>
 *   <li>any other list field (order lines, a channel's groups) multiplies by {@link #UNPAGED_LIST_ESTIMATE};</li>
 *   <li>an introspection field ({@code __schema}, {@code __type}, {@code __typename}) costs 1 with what is below it
 *   (the depth limit bounds introspection).</li>
 * </ul>
 * A page of 50 orders with their lines, customer and channel costs a few thousand; 1,500 aliased prices over 500
 * products costs 750,000. Pure: no I/O, stops counting once the limit is passed.
 */
public final class QueryCost {

    /** Unpaged lists of a parent (order lines, groups, identities) rarely hold more. */
    static final int UNPAGED_LIST_ESTIMATE = 10;

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final CoercedVariables variables;
    private final long limit;

    private QueryCost(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, CoercedVariables variables, long limit) {
        this.schema = schema;
        this.fragments = fragments;
        this.variables = variables == null ? CoercedVariables.emptyVariables() : variables;
        this.limit = limit;
    }

    /** The cost of {@code selection} on {@code root}; a result above {@code limit} means "at least this much". */
    public static long of(GraphQLSchema schema, GraphQLType root, SelectionSet selection,
                          Map<String, FragmentDefinition> fragments, CoercedVariables variables, long limit) {
        return new QueryCost(schema, fragments, variables, limit).cost(selection, root, 1, 0);
    }

    private long cost(SelectionSet set, GraphQLType parent, long multiplier, long spent) {
        if (set == null) {
            return spent;
        }
        long total = spent;
        for (Selection<?> selection : set.getSelections()) {
            if (total > limit) {
                return total;
            }
            if (selection instanceof Field field) {
                total = saturatingAdd(total, multiplier);
                GraphQLFieldDefinition definition = definition(parent, field.getName());
                if (definition == null || field.getSelectionSet() == null) {
                    continue;
                }
                long below = saturatingMultiply(multiplier, factor(parent, definition, field));
                total = cost(field.getSelectionSet(), GraphQLTypeUtil.unwrapAll(definition.getType()), below, total);
            } else if (selection instanceof InlineFragment inline) {
                GraphQLType on = inline.getTypeCondition() == null ? parent : schema.getType(inline.getTypeCondition().getName());
                total = cost(inline.getSelectionSet(), on == null ? parent : on, multiplier, total);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null) {
                    GraphQLType on = schema.getType(fragment.getTypeCondition().getName());
                    total = cost(fragment.getSelectionSet(), on == null ? parent : on, multiplier, total);
                }
            }
        }
        return total;
    }

    private long factor(GraphQLType parent, GraphQLFieldDefinition definition, Field field) {
        if (isIntrospection(parent) || definition.getName().startsWith("__")) {
            return 1;
        }
        if (definition.getArgument("first") != null) {
            Long first = intArgument(field, "first");
            long n = first == null ? PageRequest.DEFAULT_LIMIT : first;
            return Math.max(1, Math.min(n, PageRequest.MAX_LIMIT));
        }
        GraphQLType type = GraphQLTypeUtil.unwrapNonNull(definition.getType());
        if (!(type instanceof GraphQLList)) {
            return 1;
        }
        // A connection's edges are already counted by the connection's first.
        boolean connectionEdges = parent instanceof GraphQLNamedType named && named.getName().endsWith("Connection");
        return connectionEdges ? 1 : UNPAGED_LIST_ESTIMATE;
    }

    private Long intArgument(Field field, String name) {
        for (Argument argument : field.getArguments()) {
            if (!argument.getName().equals(name)) {
                continue;
            }
            if (argument.getValue() instanceof IntValue literal) {
                return literal.getValue().longValue();
            }
            if (argument.getValue() instanceof VariableReference ref && variables.get(ref.getName()) instanceof Number n) {
                return n.longValue();
            }
        }
        return null;
    }

    private static GraphQLFieldDefinition definition(GraphQLType parent, String name) {
        if (parent instanceof GraphQLFieldsContainer container && !name.startsWith("__")) {
            return container.getFieldDefinition(name);
        }
        return null;
    }

    private static boolean isIntrospection(GraphQLType type) {
        return type instanceof GraphQLNamedType named && named.getName().startsWith("__");
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE / 2 : r;
    }

    private static long saturatingMultiply(long a, long b) {
        return b != 0 && a > (Long.MAX_VALUE / 2) / b ? Long.MAX_VALUE / 2 : a * b;
    }
}
