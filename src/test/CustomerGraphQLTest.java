package dev.channelhub.customer;

import dev.channelhub.support.Api;
import dev.channelhub.support.SqlCounter;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.channelhub.customer.CustomerFixtures.channel;
import static dev.channelhub.customer.CustomerFixtures.newCustomer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CustomerGraphQLTest {

    static final String VIEW_360 = "query($id: ID!) { customer(id: $id) { id name status mergedInto group tags attributes version "
            + "identities { kind value } channels { channelId firstSeenAt lastSeenAt orderCount revenue } "
            + "stats { orderCount revenue averageOrderValue firstOrderAt lastOrderAt lifetimeValue repeatCustomer currency } "
            + "touchpoints(first: 3) { edges { cursor node { kind channelId occurredAt note } } pageInfo { hasNextPage endCursor } } "
            + "openLeads { id status } } }";

    private static long statements(String token, String query, Map<String, Object> vars) {
        long before = SqlCounter.current();
        Api.graphql(token, query, vars).then().statusCode(200).body("errors", nullValue());
        return SqlCounter.current() - before;
    }

    private static void touch(String token, String customer, String channel, String at) {
        Api.as(token).body(Map.of("channelId", channel, "kind", "VISIT", "occurredAt", at)).post("/api/v1/customers/" + customer + "/touchpoints")
                .then().statusCode(201);
    }

    @Test
    void the360QueryCostsAConstantNumberOfStatements() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String sales = Tokens.token(tenant, "sales");
        String ch1 = channel(admin, "A", "DIRECT");
        String ch2 = channel(admin, "B", "ONLINE_STORE");
        String ch3 = channel(admin, "C", "MINI_PROGRAM");
        String small = newCustomer(sales, ch1, "Small", "PHONE", "13912348001");
        String big = newCustomer(sales, ch1, "Big", "PHONE", "13912348002", "EMAIL", "big@example.com", "WECHAT", "wx_big",
                "EXTERNAL", "erp:1");
        for (int i = 1; i <= 6; i++) {
            touch(sales, big, i % 2 == 0 ? ch2 : ch3, "2026-0" + i + "-01T00:00:00Z");
        }
        long one = statements(sales, VIEW_360, Map.of("id", small));
        long many = statements(sales, VIEW_360, Map.of("id", big));
        assertEquals(one, many, "the 360 query must not grow with identities, channels or touchpoints");
        Api.graphql(sales, VIEW_360, Map.of("id", big)).then()
                .body("data.customer.identities.value", containsInAnyOrder("+8613912348002", "big@example.com", "wx_big", "erp:1"))
                .body("data.customer.channels.channelId", contains(ch3, ch2, ch1))
                .body("data.customer.touchpoints.edges.node.occurredAt",
                        contains("2026-06-01T00:00:00Z", "2026-05-01T00:00:00Z", "2026-04-01T00:00:00Z"))
                .body("data.customer.touchpoints.pageInfo.hasNextPage", equalTo(true))
                .body("data.customer.stats.orderCount", equalTo(0)).body("data.customer.stats.repeatCustomer", equalTo(false))
                .body("data.customer.attributes", equalTo("{}"));
        // Next page of touchpoints through the cursor.
        String end = Api.graphql(sales, VIEW_360, Map.of("id", big)).path("data.customer.touchpoints.pageInfo.endCursor");
        Api.graphql(sales, "query($id: ID!, $after: String) { customer(id: $id) { touchpoints(first: 10, after: $after) { edges { node { occurredAt } } pageInfo { hasNextPage } } } }",
                        Map.of("id", big, "after", end)).then().body("errors", nullValue())
                .body("data.customer.touchpoints.edges.node.occurredAt",
                        contains("2026-03-01T00:00:00Z", "2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z"))
                .body("data.customer.touchpoints.pageInfo.hasNextPage", equalTo(false));
    }

    @Test
    void aPageOfCustomersWithNestedFieldsCostsAConstantNumberOfStatements() {
        String tenant = Tokens.newTenant();
        String sales = Tokens.token(tenant, "sales");
        String ch = channel(Tokens.token(tenant, "admin"), "A", "DIRECT");
        String list = "{ customers(first: 50) { edges { node { id identities { value } channels { channelId } stats { orderCount } "
                + "touchpoints(first: 2) { edges { node { kind } } } openLeads { id } } } pageInfo { hasNextPage } } }";
        newCustomer(sales, ch, "C0", "PHONE", "13912348100");
        long few = statements(sales, list, null);
        for (int i = 1; i < 8; i++) {
            String id = newCustomer(sales, ch, "C" + i, "PHONE", "1391234810" + i, "EMAIL", "c" + i + "@example.com");
            touch(sales, id, ch, "2026-01-0" + i + "T00:00:00Z");
        }
        long many = statements(sales, list, null);
        assertEquals(few, many);
        Api.graphql(sales, list).then().body("data.customers.edges.size()", equalTo(8));
    }

    @Test
    void mutationsUseTheSameRules() {
        String tenant = Tokens.newTenant();
        String sales = Tokens.token(tenant, "sales");
        String ch = channel(Tokens.token(tenant, "admin"), "A", "DIRECT");
        String identify = "mutation($in: IdentifyCustomerInput!) { identifyCustomer(input: $in) { created mergedFrom customer { id name } } }";
        String a = Api.graphql(sales, identify, Map.of("in", Map.of("channelId", ch, "name", "Gq",
                        "identities", List.of(Map.of("kind", "PHONE", "value", "139 1234 8201")))))
                .then().body("errors", nullValue()).body("data.identifyCustomer.created", equalTo(true))
                .extract().path("data.identifyCustomer.customer.id");
        Api.graphql(sales, identify, Map.of("in", Map.of("channelId", ch,
                        "identities", List.of(Map.of("kind", "PHONE", "value", "+8613912348201")))))
                .then().body("data.identifyCustomer.created", equalTo(false)).body("data.identifyCustomer.customer.id", equalTo(a));
        Api.graphql(sales, identify, Map.of("in", Map.of("channelId", ch,
                        "identities", List.of(Map.of("kind", "EMAIL", "value", "broken")))))
                .then().body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"));
        String b = newCustomer(sales, ch, "Gq2", "PHONE", "13912348202");

        Api.graphql(sales, "mutation($id: ID!, $s: [ID!]!) { mergeCustomers(id: $id, sourceIds: $s, reason: \"dup\") { customer { id } mergedFrom } }",
                        Map.of("id", a, "s", List.of(b)))
                .then().body("errors", nullValue()).body("data.mergeCustomers.mergedFrom", contains(b));
        Api.graphql(sales, "query($id: ID!) { customer(id: $id) { status mergedInto } }", Map.of("id", b))
                .then().body("data.customer.status", equalTo("MERGED")).body("data.customer.mergedInto", equalTo(a));
        Api.graphql(sales, "mutation($id: ID!, $s: ID!) { unmergeCustomer(id: $id, sourceId: $s) { restored { id status } } }",
                        Map.of("id", a, "s", b))
                .then().body("errors", nullValue()).body("data.unmergeCustomer.restored.status", equalTo("ACTIVE"));

        Api.graphql(sales, "mutation($id: ID!, $in: AddTouchpointInput!) { addTouchpoint(customerId: $id, input: $in) { id kind channelId } }",
                        Map.of("id", a, "in", Map.of("channelId", ch, "kind", "CALL", "occurredAt", "2026-03-03T03:03:03Z")))
                .then().body("errors", nullValue()).body("data.addTouchpoint.kind", equalTo("CALL"));

        String update = "mutation($id: ID!, $in: UpdateCustomerInput!, $v: Int) { updateCustomer(id: $id, input: $in, version: $v) { version group tags attributes } }";
        int version = Api.graphql(sales, "query($id: ID!) { customer(id: $id) { version } }", Map.of("id", a)).path("data.customer.version");
        Api.graphql(sales, update, Map.of("id", a, "v", version, "in", Map.of("group", "VIP", "tags", List.of("golf"),
                        "attributes", "{\"birthday\":\"03-14\",\"vip\":{\"since\":2024}}")))
                .then().body("errors", nullValue()).body("data.updateCustomer.group", equalTo("VIP"))
                .body("data.updateCustomer.attributes", equalTo("{\"birthday\":\"03-14\",\"vip\":{\"since\":2024}}"));
        Api.graphql(sales, update, Map.of("id", a, "v", version, "in", Map.of("name", "stale")))
                .then().body("errors[0].extensions.code", equalTo("VERSION_CONFLICT"));
        Api.graphql(sales, update, Map.of("id", a, "in", Map.of("attributes", "[1,2]")))
                .then().body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"));
        Api.graphql(sales, "{ customers(q: \"13912348201\") { edges { node { id } } } }")
                .then().body("data.customers.edges.node.id", contains(a));
        Api.graphql(Tokens.token(tenant, "manager"), identify, Map.of("in", Map.of("channelId", ch,
                        "identities", List.of(Map.of("kind", "PHONE", "value", "13912348299")))))
                .then().body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.graphql(Tokens.token(Tokens.newTenant(), "admin"), "query($id: ID!) { customer(id: $id) { id } }", Map.of("id", a))
                .then().body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }
}
