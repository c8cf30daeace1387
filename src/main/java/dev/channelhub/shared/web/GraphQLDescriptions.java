package dev.channelhub.shared.web;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.GraphQLUnionType;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.smallrye.graphql.spi.EventingService;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Puts the texts of {@link Descriptions} (the files the OpenAPI document reads too) on the GraphQL schema: types,
 * fields, arguments, input fields and enum values. Runs in {@code beforeSchemaBuild}: builds the schema SmallRye
 * assembled, transforms it (graphql-java's {@link SchemaTransformer} keeps the code registry, so the data fetchers,
 * {@link PlainFieldFetchers}' included, stay as they are) and hands SmallRye a builder of the result. Scalars keep
 * their own descriptions; introspection types are left alone. Registered in
 * {@code META-INF/services/io.smallrye.graphql.spi.EventingService}, after {@link PlainFieldFetchers}.
 */
public class GraphQLDescriptions implements EventingService {

    private static final Logger LOG = Logger.getLogger(GraphQLDescriptions.class);

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        GraphQLSchema described = describe(builder.build(), Descriptions.load());
        // interface/union resolvers must answer with this schema's object types (see EdgeTypeNames.rebuilt)
        return EdgeTypeNames.rebuilt(described, described.getCodeRegistry());
    }

    public static GraphQLSchema describe(GraphQLSchema schema, Descriptions descriptions) {
        Visitor visitor = new Visitor(descriptions);
        GraphQLSchema out = SchemaTransformer.transformSchema(schema, visitor);
        LOG.debugf("GraphQL: %d descriptions from contract/descriptions", visitor.applied);
        return out;
    }

    private static final class Visitor extends GraphQLTypeVisitorStub {
        private final Descriptions descriptions;
        int applied;

        Visitor(Descriptions descriptions) {
            this.descriptions = descriptions;
        }

        private static boolean ours(String typeName) {
            return !typeName.startsWith("__");
        }

        private String typeText(String name) {
            Descriptions.Hit hit = descriptions.type(Descriptions.graphqlNames(name));
            return hit == null ? null : hit.text();
        }

        private String memberText(String typeName, String member) {
            Descriptions.Hit hit = descriptions.member(Descriptions.graphqlNames(typeName), member);
            return hit == null ? null : hit.text();
        }

        private TraversalControl change(TraverserContext<GraphQLSchemaElement> context, GraphQLSchemaElement replacement) {
            applied++;
            return changeNode(context, replacement);
        }

        @Override
        public TraversalControl visitGraphQLObjectType(GraphQLObjectType node, TraverserContext<GraphQLSchemaElement> context) {
            String text = ours(node.getName()) ? typeText(node.getName()) : null;
            return text == null || text.equals(node.getDescription()) ? TraversalControl.CONTINUE
                    : change(context, node.transform(b -> b.description(text)));
        }

        @Override
        public TraversalControl visitGraphQLInterfaceType(GraphQLInterfaceType node, TraverserContext<GraphQLSchemaElement> context) {
            String text = ours(node.getName()) ? typeText(node.getName()) : null;
            return text == null || text.equals(node.getDescription()) ? TraversalControl.CONTINUE
                    : change(context, node.transform(b -> b.description(text)));
        }

        @Override
        public TraversalControl visitGraphQLUnionType(GraphQLUnionType node, TraverserContext<GraphQLSchemaElement> context) {
            String text = ours(node.getName()) ? typeText(node.getName()) : null;
            return text == null || text.equals(node.getDescription()) ? TraversalControl.CONTINUE
                    : change(context, node.transform(b -> b.description(text)));
        }

        @Override
        public TraversalControl visitGraphQLInputObjectType(GraphQLInputObjectType node, TraverserContext<GraphQLSchemaElement> context) {
            String text = ours(node.getName()) ? typeText(node.getName()) : null;
            return text == null || text.equals(node.getDescription()) ? TraversalControl.CONTINUE
                    : change(context, node.transform(b -> b.description(text)));
        }

        @Override
        public TraversalControl visitGraphQLEnumType(GraphQLEnumType node, TraverserContext<GraphQLSchemaElement> context) {
            String text = ours(node.getName()) ? typeText(node.getName()) : null;
            return text == null || text.equals(node.getDescription()) ? TraversalControl.CONTINUE
                    : change(context, node.transform(b -> b.description(text)));
        }

        @Override
        public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition node, TraverserContext<GraphQLSchemaElement> context) {
            String owner = ownerName(context.getParentNode());
            String text = owner == null ? null : memberText(owner, node.getName());
            return text == null || text.equals(node.getDescription()) ? TraversalControl.CONTINUE
                    : change(context, node.transform(b -> b.description(text)));
        }

        @Override
        public TraversalControl visitGraphQLInputObjectField(GraphQLInputObjectField node, TraverserContext<GraphQLSchemaElement> context) {
            String owner = ownerName(context.getParentNode());
            String text = owner == null ? null : memberText(owner, node.getName());
            return text == null || text.equals(node.getDescription()) ? TraversalControl.CONTINUE
                    : change(context, node.transform(b -> b.description(text)));
        }

        @Override
        public TraversalControl visitGraphQLEnumValueDefinition(GraphQLEnumValueDefinition node, TraverserContext<GraphQLSchemaElement> context) {
            String owner = ownerName(context.getParentNode());
            String text = owner == null ? null : memberText(owner, node.getName());
            return text == null || text.equals(node.getDescription()) ? TraversalControl.CONTINUE
                    : change(context, node.transform(b -> b.description(text)));
        }

        @Override
        public TraversalControl visitGraphQLArgument(GraphQLArgument node, TraverserContext<GraphQLSchemaElement> context) {
            if (!(context.getParentNode() instanceof GraphQLFieldDefinition field)) {
                return TraversalControl.CONTINUE; // a directive's argument
            }
            TraverserContext<GraphQLSchemaElement> fieldContext = context.getParentContext();
            String owner = fieldContext == null ? null : ownerName(fieldContext.getParentNode());
            if (owner == null) {
                return TraversalControl.CONTINUE;
            }
            List<String> owners = Descriptions.graphqlNames(owner).stream().map(n -> n + "." + field.getName()).toList();
            Descriptions.Hit hit = descriptions.argument(owners, node.getName());
            String text = hit == null ? null : hit.text();
            return text == null || text.equals(node.getDescription()) ? TraversalControl.CONTINUE
                    : change(context, node.transform(b -> b.description(text)));
        }

        private static String ownerName(GraphQLSchemaElement parent) {
            if (parent instanceof GraphQLNamedType named && ours(named.getName())) {
                return named.getName();
            }
            return null;
        }
    }
}
