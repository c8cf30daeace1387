package dev.channelhub.shared.web;

import graphql.schema.DataFetcherFactory;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.Scalars;
import graphql.TypeResolutionEnvironment;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLUnionType;
import graphql.schema.TypeResolver;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.smallrye.graphql.spi.EventingService;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.Map;

import static graphql.util.TreeTransformerUtil.changeNode;

/**
 * Relay names and types: edge types get Relay names, and {@code nodes(ids:)} takes {@code [ID!]!} (see below).
 * Edge types: SmallRye names the edge of a generic {@code Connection<ChannelView>}
 * {@code Edge_Channel} (generic type name, underscore, type argument); this renames every {@code Edge_X} object type
 * to {@code XEdge} (and moves its field fetchers with it) before the schema is built, so the served schema, the
 * committed {@code schema.graphqls} and introspection all say {@code ChannelEdge}. The Java side keeps one generic
 * {@code Connection.Edge<T>}. Registered in {@code META-INF/services/io.smallrye.graphql.spi.EventingService}.
 */
public class EdgeTypeNames implements EventingService {

    private static final Logger LOG = Logger.getLogger(EdgeTypeNames.class);
    private static final String PREFIX = "Edge_";

    @Override
    public String getConfigKey() {
        return null;
    }

    /** {@code Edge_Channel} → {@code ChannelEdge}; any other name unchanged. */
    static String relayName(String name) {
        return name.startsWith(PREFIX) && name.length() > PREFIX.length() && name.indexOf('_', PREFIX.length()) < 0
                ? name.substring(PREFIX.length()) + "Edge" : name;
    }

    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        GraphQLSchema schema = builder.build();
        Map<String, String> renamed = new HashMap<>();
        for (var type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object) {
                String to = relayName(object.getName());
                if (!to.equals(object.getName())) {
                    if (schema.getType(to) != null) {
                        LOG.warnf("GraphQL: %s not renamed, %s exists", object.getName(), to);
                        continue;
                    }
                    renamed.put(object.getName(), to);
                }
            }
        }
        GraphQLSchema transformed = SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLObjectType(GraphQLObjectType node, TraverserContext<GraphQLSchemaElement> context) {
                String to = renamed.get(node.getName());
                return to == null ? TraversalControl.CONTINUE : changeNode(context, node.transform(b -> b.name(to)));
            }

            /**
             * {@code Query.nodes(ids:)} is {@code [ID!]!}: SmallRye cannot put {@code @Id} on a list's elements (the
             * annotation is not a type-use one), so the Java side takes {@code List<String>} and the schema says ID here.
             */
            @Override
            public TraversalControl visitGraphQLArgument(GraphQLArgument node, TraverserContext<GraphQLSchemaElement> context) {
                if (node.getName().equals("ids") && context.getParentNode() instanceof GraphQLFieldDefinition field
                        && field.getName().equals("nodes")) {
                    return changeNode(context, node.transform(b -> b.type(GraphQLNonNull.nonNull(
                            GraphQLList.list(GraphQLNonNull.nonNull(Scalars.GraphQLID))))));
                }
                return TraversalControl.CONTINUE;
            }
        });
        GraphQLCodeRegistry registry = transformed.getCodeRegistry();
        Map<FieldCoordinates, DataFetcherFactory<?>> moved = new HashMap<>();
        renamed.forEach((from, to) -> {
            GraphQLObjectType old = schema.getObjectType(from);
            for (GraphQLFieldDefinition field : old.getFieldDefinitions()) {
                FieldCoordinates was = FieldCoordinates.coordinates(from, field.getName());
                if (registry.hasDataFetcher(was)) {
                    moved.put(FieldCoordinates.coordinates(to, field.getName()), factory(registry, was, field));
                }
            }
        });
        GraphQLCodeRegistry withMoved = registry.transform(b -> moved.forEach(b::dataFetcher));
        return rebuilt(transformed, withMoved);
    }

    /**
     * A builder for a transformed schema whose interface and union type resolvers answer with the transformed schema's
     * object types: graphql-java matches fragments ({@code ... on Order}) by identity, and SmallRye's resolvers hand out
     * the object types of the schema they were built with.
     */
    static GraphQLSchema.Builder rebuilt(GraphQLSchema transformed, GraphQLCodeRegistry registry) {
        GraphQLCodeRegistry resolving = registry.transform(b -> {
            for (GraphQLNamedType type : transformed.getAllTypesAsList()) {
                TypeResolver original = type instanceof GraphQLInterfaceType i ? registry.getTypeResolver(i)
                        : type instanceof GraphQLUnionType u ? registry.getTypeResolver(u) : null;
                if (original == null || original instanceof CurrentTypes) {
                    continue;
                }
                b.typeResolver(type.getName(), new CurrentTypes(original));
            }
        });
        return GraphQLSchema.newSchema(transformed).codeRegistry(resolving);
    }

    /** Resolves through the original resolver, then takes the type of that name from the schema being executed. */
    record CurrentTypes(TypeResolver original) implements TypeResolver {
        @Override
        public GraphQLObjectType getType(TypeResolutionEnvironment env) {
            GraphQLObjectType type = original.getType(env);
            return type == null ? null : env.getSchema().getObjectType(type.getName());
        }
    }

    private static DataFetcherFactory<?> factory(GraphQLCodeRegistry registry, FieldCoordinates coordinates, GraphQLFieldDefinition field) {
        var fetcher = registry.getDataFetcher(coordinates, field);
        return graphql.schema.DataFetcherFactories.useDataFetcher(fetcher);
    }
}
