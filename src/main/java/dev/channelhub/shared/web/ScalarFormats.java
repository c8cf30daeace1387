package dev.channelhub.shared.web;

import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.smallrye.graphql.spi.EventingService;

import java.math.BigDecimal;
import java.util.Map;

import static graphql.util.TreeTransformerUtil.changeNode;

/**
 * The wire format of every custom scalar, stated where tools read it (description and {@code specifiedByURL}), and
 * {@code BigDecimal} carried as a decimal <em>string</em> as in REST ({@code "1299.00"}, the scale kept: money is
 * rounded to its currency's scale before it leaves a service), so no client parses money into a binary float. As input
 * it takes a string or a number literal/variable. The other scalars keep SmallRye's coercing; only their texts change.
 * Registered in {@code META-INF/services/io.smallrye.graphql.spi.EventingService}.
 */
public class ScalarFormats implements EventingService {

    record Format(String description, String specifiedBy) {
    }

    static final Map<String, Format> FORMATS = Map.of(
            "BigDecimal", new Format("A decimal number sent as a JSON string with its scale, e.g. \"1299.00\" (never a binary "
                    + "float). Money has its currency's scale (CNY: 2). Inputs take a string (\"1299.5\") or a number.", null),
            "BigInteger", new Format("An integer up to 64 bits (a Java long) sent as a JSON number; the counts and quantities "
                    + "of this API stay far below 2^53, so JavaScript numbers hold them exactly.", null),
            "DateTime", new Format("An instant as an RFC 3339 / ISO-8601 date-time in UTC, e.g. \"2026-11-27T08:00:00Z\" "
                    + "(fractional seconds may appear). Inputs take any offset.",
                    "https://scalars.graphql.org/andimarek/date-time.html"),
            "Date", new Format("A calendar date without time or zone, ISO-8601 / RFC 3339 full-date \"yyyy-MM-dd\", e.g. "
                    + "\"2026-11-27\".", "https://www.rfc-editor.org/rfc/rfc3339#section-5.6"));

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        GraphQLSchema schema = builder.build();
        GraphQLSchema transformed = SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType node, TraverserContext<GraphQLSchemaElement> context) {
                Format format = FORMATS.get(node.getName());
                if (format == null) {
                    return TraversalControl.CONTINUE;
                }
                return changeNode(context, node.transform(b -> {
                    b.description(format.description()).specifiedByUrl(format.specifiedBy());
                    if (node.getName().equals("BigDecimal")) {
                        b.coercing(new DecimalString());
                    }
                }));
            }
        });
        return EdgeTypeNames.rebuilt(transformed, transformed.getCodeRegistry());
    }

    /** BigDecimal as a decimal string out; a string or a number in. */
    @SuppressWarnings("deprecation")
    static final class DecimalString implements Coercing<BigDecimal, String> {

        @Override
        public String serialize(Object value) {
            if (value instanceof BigDecimal d) {
                return d.toPlainString();
            }
            if (value instanceof Number || value instanceof String) {
                try {
                    return new BigDecimal(value.toString().trim()).toPlainString();
                } catch (NumberFormatException e) {
                    throw new CoercingSerializeException("not a decimal: " + value);
                }
            }
            throw new CoercingSerializeException("not a decimal: " + (value == null ? "null" : value.getClass().getSimpleName()));
        }

        @Override
        public BigDecimal parseValue(Object input) {
            if (input instanceof BigDecimal d) {
                return d;
            }
            if (input instanceof String || input instanceof Number) {
                try {
                    return new BigDecimal(input.toString().trim());
                } catch (NumberFormatException e) {
                    throw new CoercingParseValueException("expected a decimal string such as \"1299.00\", got \"" + input + "\"");
                }
            }
            throw new CoercingParseValueException("expected a decimal string such as \"1299.00\"");
        }

        @Override
        public BigDecimal parseLiteral(Object input) {
            try {
                if (input instanceof StringValue s) {
                    return new BigDecimal(s.getValue().trim());
                }
                if (input instanceof IntValue i) {
                    return new BigDecimal(i.getValue());
                }
                if (input instanceof FloatValue f) {
                    return f.getValue();
                }
            } catch (NumberFormatException e) {
                throw new CoercingParseLiteralException("expected a decimal string such as \"1299.00\", got " + input);
            }
            throw new CoercingParseLiteralException("expected a decimal string such as \"1299.00\"");
        }
    }
}
