package dev.channelhub.shared.web;

import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLSchema;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.cdi.producer.GraphQLProducer;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Which GraphQL fields the direct accessors serve, and that they answer what SmallRye answered. */
@QuarkusTest
class PlainFieldFetchersTest {

    @Inject
    GraphQLProducer producer;

    private GraphQLSchema schema() throws Exception {
        java.lang.reflect.Field f = GraphQLProducer.class.getDeclaredField("graphQLSchema");
        f.setAccessible(true);
        return (GraphQLSchema) f.get(ClientProxy.unwrap(producer));
    }

    private DataFetcher<?> fetcher(String type, String field) throws Exception {
        GraphQLSchema schema = schema();
        return schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(type, field),
                schema.getObjectType(type).getFieldDefinition(field));
    }

    @Test
    void plainPropertiesGetAccessorsAndEverythingElseKeepsSmallRye() throws Exception {
        assertInstanceOf(PlainFieldFetchers.Accessor.class, fetcher("Product", "sku"), "String");
        assertInstanceOf(PlainFieldFetchers.Accessor.class, fetcher("Product", "floorPrice"), "BigDecimal");
        assertInstanceOf(PlainFieldFetchers.Accessor.class, fetcher("Product", "version"), "Integer");
        assertInstanceOf(PlainFieldFetchers.Accessor.class, fetcher("Order", "channelId"), "an ID held as a String");
        assertInstanceOf(FieldDataFetcher.class, fetcher("Product", "status"), "enums keep SmallRye's mapping");
        assertInstanceOf(FieldDataFetcher.class, fetcher("Product", "createdAt"), "dates keep SmallRye's formatting");
        assertInstanceOf(FieldDataFetcher.class, fetcher("PriceQuoteLine", "explanation"), "lists keep SmallRye's wrappers");
    }

    @Test
    void nothingIsBlockedSoNoFieldIsPatternMatched() throws Exception {
        assertInstanceOf(graphql.schema.visibility.DefaultGraphqlFieldVisibility.class, schema().getCodeRegistry().getFieldVisibility());
        Api.graphql(Tokens.token(Tokens.newTenant(), "admin"), "{ __schema { queryType { name } } }").then()
                .body("data.__schema.queryType.name", equalTo("Query"));
    }

    @Test
    void answersAreUnchanged() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        Api.as(admin).body(Map.of("sku", "PF-1", "name", "Plain one", "category", "tea", "floorPrice", "12.50"))
                .post("/api/v1/products").then().statusCode(201);
        Api.graphql(admin, "{ product(sku: \"PF-1\") { sku name category unit status floorPrice currency version createdAt } }")
                .then().body("errors", nullValue())
                .body("data.product.sku", equalTo("PF-1")).body("data.product.name", equalTo("Plain one"))
                .body("data.product.unit", equalTo("EA")).body("data.product.status", equalTo("ACTIVE"))
                .body("data.product.floorPrice", equalTo("12.50")).body("data.product.version", equalTo(1))
                .body("data.product.currency", equalTo("CNY"));
    }
}
