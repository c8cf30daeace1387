package dev.channelhub.order;

import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Relay: node(id) / nodes(ids) resolve through the owning services with the caller's rights (shared/relay/NodeService),
 * the schema's Relay shape (Node on the refetchable types, XEdge names, PageInfo! everywhere), and money as a decimal
 * string in GraphQL, out and in (shared/web/ScalarFormats).
 */
@QuarkusTest
class RelayNodeTest {

    private static final String NODE = "query($id: ID!) { node(id: $id) { __typename id ... on Order { total currency channelId } "
            + "... on Channel { code } } }";
    private static final String NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }";

    @Test
    void nodeAndNodesResolveWithTheCallersRights() {
        OrderFixture f = OrderFixture.create().products(Map.of("N-1", "1299.00")).stock("N-1", 10);
        String partnerA = f.activePartner("PA", null);
        String partnerB = f.activePartner("PB", null);
        String orderA = f.placed(OrderFixture.order(partnerA, "N-1", 1));
        String orderB = f.placed(OrderFixture.order(partnerB, "N-1", 1));

        Api.graphql(f.admin, NODE, Map.of("id", orderA)).then().statusCode(200).body("errors", nullValue())
                .body("data.node.__typename", equalTo("Order")).body("data.node.id", equalTo(orderA))
                .body("data.node.channelId", equalTo(partnerA)).body("data.node.total", equalTo("1299.00"));
        Api.graphql(f.admin, NODE, Map.of("id", partnerA)).then().body("errors", nullValue())
                .body("data.node.__typename", equalTo("Channel")).body("data.node.code", equalTo("PA"));

        // nodes: in the order asked for; an unknown and a malformed id are null, named by index, NOT_FOUND
        String unknown = Ids.newId().toString();
        Api.graphql(f.admin, NODES, Map.of("ids", List.of(orderA, partnerA, unknown, "not-an-id", orderA))).then().statusCode(200)
                .body("data.nodes.size()", equalTo(5))
                .body("data.nodes[0].__typename", equalTo("Order")).body("data.nodes[1].__typename", equalTo("Channel"))
                .body("data.nodes[2]", nullValue()).body("data.nodes[3]", nullValue())
                .body("data.nodes[4].__typename", equalTo("Order"))
                .body("data.nodes[1].id", equalTo(partnerA))
                .body("errors.size()", equalTo(1))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body("errors[0].extensions.indexes", hasToString("[2, 3]"))
                .body("errors[0].path", contains("nodes"));

        // a partner: its own order, never another partner's (null + NOT_FOUND, as order(id) answers)
        String tokenA = Tokens.partner(f.tenant, partnerA);
        Api.graphql(tokenA, NODE, Map.of("id", orderA)).then().body("errors", nullValue()).body("data.node.id", equalTo(orderA));
        Api.graphql(tokenA, "query($id: ID!) { order(id: $id) { id } }", Map.of("id", orderB)).then()
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(tokenA, NODE, Map.of("id", orderB)).then().statusCode(200)
                .body("data.node", nullValue()).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(tokenA, NODE, Map.of("id", partnerB)).then()
                .body("data.node", nullValue()).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(tokenA, NODES, Map.of("ids", List.of(orderA, orderB, partnerB))).then().statusCode(200)
                .body("data.nodes.size()", equalTo(3)).body("data.nodes[0].id", equalTo(orderA))
                .body("data.nodes[1]", nullValue()).body("data.nodes[2]", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND")).body("errors[0].extensions.indexes", hasToString("[1, 2]"));

        // another tenant: as if the ids had never been used
        String otherTenant = Tokens.token(Tokens.newTenant(), "admin");
        Api.graphql(otherTenant, NODE, Map.of("id", orderA)).then()
                .body("data.node", nullValue()).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.graphql(otherTenant, NODES, Map.of("ids", List.of(orderA, partnerA))).then()
                .body("data.nodes.size()", equalTo(2)).body("data.nodes[0]", nullValue()).body("data.nodes[1]", nullValue()).body("errors[0].extensions.code", equalTo("NOT_FOUND"));

        // no token
        RestAssured.given().contentType("application/json").body(Map.of("query", NODE, "variables", Map.of("id", orderA)))
                .post("/graphql").then().statusCode(401).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));

        // too many ids at once
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(orderA);
        }
        Api.graphql(f.admin, NODES, Map.of("ids", many)).then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void theSchemaHasTheRelayShape() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        JsonPath schema = Api.graphql(admin, "{ __schema { types { name kind interfaces { name } possibleTypes { name } "
                + "fields { name type { kind name ofType { kind name ofType { kind name } } } } } } }")
                .then().statusCode(200).body("errors", nullValue()).extract().jsonPath();
        List<Map<String, Object>> types = schema.getList("data.__schema.types");
        List<String> ugly = new ArrayList<>();
        List<String> badConnections = new ArrayList<>();
        List<String> nodeTypes = new ArrayList<>();
        for (Map<String, Object> type : types) {
            String name = (String) type.get("name");
            if (!name.startsWith("__") && (name.contains("_") || name.startsWith("Edge"))) {
                ugly.add(name);
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> interfaces = (List<Map<String, Object>>) type.get("interfaces");
            if (interfaces != null && interfaces.stream().anyMatch(i -> "Node".equals(i.get("name")))) {
                nodeTypes.add(name);
            }
            if (name.endsWith("Connection") && "OBJECT".equals(type.get("kind"))) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> fields = (List<Map<String, Object>>) type.get("fields");
                Map<String, Object> pageInfo = fields.stream().filter(x -> x.get("name").equals("pageInfo")).findFirst().orElse(Map.of());
                Map<String, Object> edges = fields.stream().filter(x -> x.get("name").equals("edges")).findFirst().orElse(Map.of());
                String edgeType = String.valueOf(JsonPath.from(toJson(edges)).getString("type.ofType.name"));
                String edgeType2 = String.valueOf(JsonPath.from(toJson(edges)).getString("type.ofType.ofType.name"));
                boolean pageInfoOk = "NON_NULL".equals(JsonPath.from(toJson(pageInfo)).getString("type.kind"))
                        && "PageInfo".equals(JsonPath.from(toJson(pageInfo)).getString("type.ofType.name"));
                boolean edgesOk = edgeType.endsWith("Edge") || edgeType2.endsWith("Edge");
                if (!pageInfoOk || !edgesOk) {
                    badConnections.add(name);
                }
            }
        }
        assertThat("generated type names", ugly, empty());
        assertThat("connections without PageInfo! or XEdge edges", badConnections, empty());
        assertThat(nodeTypes, hasItems("Channel", "ChannelGroup", "Customer", "Order", "Lead", "Deal", "LeadRoutingRule",
                "Location", "StockHold", "PriceList", "Promotion", "Policy"));
        Api.graphql(admin, "{ __type(name: \"Node\") { kind description fields { name type { kind ofType { name } } } possibleTypes { name } } }")
                .then().body("errors", nullValue()).body("data.__type.kind", equalTo("INTERFACE"))
                .body("data.__type.description", not(nullValue()))
                .body("data.__type.fields.name", contains("id"))
                .body("data.__type.fields[0].type.ofType.name", equalTo("ID"))
                .body("data.__type.possibleTypes.name", hasItems("Channel", "Order", "Customer"));
        Api.graphql(admin, "{ __type(name: \"PageInfo\") { fields { name type { kind } } } }").then().body("errors", nullValue())
                .body("data.__type.fields.name", hasItems("hasNextPage", "hasPreviousPage", "startCursor", "endCursor"));
        Api.graphql(admin, "{ __type(name: \"ChannelEdge\") { fields { name type { name } } } }").then().body("errors", nullValue())
                .body("data.__type.fields.name", hasItems("cursor", "node"))
                .body("data.__type.fields.find { it.name == 'node' }.type.name", equalTo("Channel"));
        // the type's own id is the node id: a page's node ids resolve through node(id)
        Api.graphql(admin, "{ channels { edges { node { id } } } }").then().body("data.channels.edges", not(nullValue()));
    }

    @Test
    void moneyTravelsAsADecimalStringOutAndIn() {
        OrderFixture f = OrderFixture.create().products(Map.of("M-1", "1299.00", "M-2", "0.10")).stock("M-1", 10).stock("M-2", 10);
        // in: a string literal and a string variable; out: a string with the currency's scale
        Api.graphql(f.admin, "mutation { createChannel(input: {code: \"M1\", name: \"M1\", type: DISTRIBUTOR, creditLimit: \"1000.5\"}) "
                + "{ creditLimit } }").then().body("errors", nullValue()).body("data.createChannel.creditLimit", equalTo("1000.50"));
        Api.graphql(f.admin, "mutation($c: BigDecimal) { createChannel(input: {code: \"M2\", name: \"M2\", type: DISTRIBUTOR, "
                        + "creditLimit: $c}) { creditLimit } }", Map.of("c", "20000"))
                .then().body("errors", nullValue()).body("data.createChannel.creditLimit", equalTo("20000.00"));
        // a number is still accepted as input
        Api.graphql(f.admin, "mutation { createChannel(input: {code: \"M3\", name: \"M3\", type: DISTRIBUTOR, creditLimit: 7}) "
                + "{ creditLimit } }").then().body("errors", nullValue()).body("data.createChannel.creditLimit", equalTo("7.00"));
        // not a decimal: a coded validation error, nothing created
        Api.graphql(f.admin, "mutation { createChannel(input: {code: \"M4\", name: \"M4\", type: DISTRIBUTOR, creditLimit: \"12abc\"}) "
                + "{ creditLimit } }").then().statusCode(200).body("data.createChannel", nullValue())
                .body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"));
        Api.as(f.admin).get("/api/v1/channels?limit=500").then().body("items.code", not(hasItems("M4")));

        String order = f.placed(OrderFixture.order(f.online, "M-1", 3, "M-2", 3));
        Api.graphql(f.admin, "query($id: ID!) { order(id: $id) { total lines { sku unitPrice } } }", Map.of("id", order))
                .then().body("errors", nullValue())
                .body("data.order.total", equalTo("3897.30"))
                .body("data.order.lines.find { it.sku == 'M-1' }.unitPrice", equalTo("1299.00"))
                .body("data.order.lines.find { it.sku == 'M-2' }.unitPrice", equalTo("0.10"));
        // the scalars say so
        Api.graphql(f.admin, "{ __schema { types { name kind description specifiedByURL } } }").then()
                .body("data.__schema.types.find { it.name == 'BigDecimal' }.description", org.hamcrest.Matchers.containsString("string"))
                .body("data.__schema.types.find { it.name == 'DateTime' }.specifiedByURL", equalTo("https://scalars.graphql.org/andimarek/date-time.html"))
                .body("data.__schema.types.find { it.name == 'Date' }.specifiedByURL", not(nullValue()))
                .body("data.__schema.types.find { it.name == 'BigInteger' }.description", not(nullValue()));
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
