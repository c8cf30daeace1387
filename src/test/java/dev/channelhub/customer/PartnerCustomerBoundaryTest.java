package dev.channelhub.customer;

import dev.channelhub.shared.persistence.Db;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.channelhub.customer.CustomerFixtures.identify;
import static dev.channelhub.customer.CustomerFixtures.identifyBody;
import static dev.channelhub.customer.CustomerFixtures.newCustomer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The customer side of the partner trust boundary (contract part 2, §6), through REST and GraphQL. */
@QuarkusTest
class PartnerCustomerBoundaryTest {

    @Inject
    Db db;

    /** A tenant with a DIRECT channel, two active partner channels A and B, and one orderable SKU. */
    static final class Shop {
        final String tenant = Tokens.newTenant();
        final String admin = Tokens.token(tenant, "admin");
        final String sales = Tokens.token(tenant, "sales");
        final String manager = Tokens.token(tenant, "manager");
        final String integration = Tokens.token(tenant, "integration");
        final String direct = CustomerFixtures.channel(admin, "DIRECT", "DIRECT");
        final String a = activePartner("A");
        final String b = activePartner("B");
        final String partnerA = Tokens.partner(tenant, a);
        final String partnerB = Tokens.partner(tenant, b);

        private String activePartner(String code) {
            String id = CustomerFixtures.channel(admin, code, "DISTRIBUTOR");
            Api.as(admin).body(Map.of("to", "ACTIVE")).post("/api/v1/channels/" + id + "/transition").then().statusCode(200);
            return id;
        }

        Shop withStock() {
            Api.as(admin).body(Map.of("code", "WH", "name", "Warehouse", "type", "WAREHOUSE", "priority", 10))
                    .post("/api/v1/locations").then().statusCode(201);
            Api.as(admin).body(Map.of("sku", "SKU-1", "name", "Sofa")).post("/api/v1/products").then().statusCode(201);
            Api.as(admin).body(Map.of("code", "BASE", "name", "Base", "currency", "CNY", "entries", List.of(Map.of("sku", "SKU-1", "price", "10.00"))))
                    .post("/api/v1/price-lists").then().statusCode(201);
            Api.as(admin).body(Map.of("onHand", 100)).put("/api/v1/stock/WH/SKU-1").then().statusCode(200);
            return this;
        }

        String order(String token, String channel, String customerId) {
            Map<String, Object> body = new HashMap<>();
            body.put("channelId", channel);
            body.put("lines", List.of(Map.of("sku", "SKU-1", "quantity", 1)));
            body.put("customerId", customerId);
            return Api.as(token).body(body).post("/api/v1/orders").then().statusCode(201).extract().path("id");
        }

        /** Sales' secret: a DIRECT customer with name, two identities, group, tags, attributes and a touchpoint. */
        String secretVip(String phone, String email) {
            String id = newCustomer(sales, direct, "Secret VIP", "PHONE", phone, "EMAIL", email);
            Api.as(sales).body(Map.of("group", "VIP", "tags", List.of("whale"), "attributes", Map.of("note", "secret")))
                    .patch("/api/v1/customers/" + id).then().statusCode(200);
            Api.as(sales).body(Map.of("channelId", direct, "kind", "VISIT", "occurredAt", "2026-05-01T08:00:00Z", "note", "showroom"))
                    .post("/api/v1/customers/" + id + "/touchpoints").then().statusCode(201);
            return id;
        }
    }

    // ------------------------------------------------------------------ hole (a): what a partner sees

    @Test
    void aPartnerIdentifyingSalesSecretVipLearnsNothingOfIt() {
        Shop s = new Shop();
        String vip = s.secretVip("13912340001", "vip@example.cn");

        // Partner B identifies with the same phone: it gets the customer, and none of what other channels recorded.
        identify(s.partnerB, s.b, null, "PHONE", "13912340001").statusCode(200)
                .body("created", equalTo(false)).body("mergedFrom", empty())
                .body("customer.id", equalTo(vip))
                .body("customer.name", nullValue()).body("customer.group", nullValue())
                .body("customer.tags", empty()).body("customer.attributes.size()", equalTo(0))
                .body("customer.ownerChannelId", nullValue()).body("customer.originChannelId", nullValue());
        Api.as(s.partnerB).get("/api/v1/customers/" + vip).then().statusCode(200)
                .body("name", nullValue()).body("group", nullValue()).body("tags", empty())
                .body("attributes.size()", equalTo(0)).body("ownerChannelId", nullValue());
        Api.as(s.partnerB).get("/api/v1/customers/" + vip + "/360").then().statusCode(200)
                .body("customer.name", nullValue()).body("customer.tags", empty())
                .body("identities", empty())
                .body("channels.channelId", contains(s.b))
                .body("recentTouchpoints", empty())
                .body("orders.count", equalTo(0));
        Api.as(s.partnerB).get("/api/v1/customers/" + vip + "/history").then().statusCode(200).body("items", empty());

        // What it records through its own channel is what it sees: its name for them, its identities.
        identify(s.partnerB, s.b, "Mr Wang", "PHONE", "13912340001", "WECHAT", "wx_wang").statusCode(200)
                .body("customer.name", equalTo("Mr Wang"));
        Api.as(s.partnerB).get("/api/v1/customers/" + vip + "/360").then().statusCode(200)
                .body("identities.value", contains("wx_wang"));
        Api.as(s.sales).get("/api/v1/customers/" + vip).then().statusCode(200)
                .body("name", equalTo("Secret VIP")).body("group", equalTo("VIP")).body("tags", contains("whale"));
        Api.as(s.sales).get("/api/v1/customers/" + vip + "/360").then().statusCode(200)
                .body("identities", hasSize(3)).body("channels.channelId", containsInAnyOrder(s.direct, s.b));

        // Search finds it only by what the partner sees: its own identities and the name it gave.
        Api.as(s.partnerB).get("/api/v1/customers?q=vip@example.cn").then().statusCode(200).body("items", empty());
        Api.as(s.partnerB).get("/api/v1/customers?q=Secret").then().statusCode(200).body("items", empty());
        Api.as(s.partnerB).get("/api/v1/customers?q=wx_wang").then().statusCode(200)
                .body("items.id", contains(vip)).body("items[0].tags", empty()).body("items[0].group", nullValue());
        Api.as(s.partnerB).get("/api/v1/customers?q=mr wa").then().statusCode(200)
                .body("items.id", contains(vip)).body("items[0].name", equalTo("Mr Wang"));
        // Filters on what it cannot see (another channel, the group) match nothing.
        Api.as(s.partnerB).get("/api/v1/customers?channelId=" + s.direct).then().statusCode(200).body("items", empty());
        Api.as(s.partnerB).get("/api/v1/customers?group=VIP").then().statusCode(200).body("items", empty());
        Api.as(s.partnerB).get("/api/v1/customers?channelId=" + s.b).then().statusCode(200).body("items.id", contains(vip));

        // A partner never linked to it still gets 404; so does another tenant's partner.
        Api.as(s.partnerA).get("/api/v1/customers/" + vip).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as(Tokens.partner(Tokens.newTenant(), s.b)).get("/api/v1/customers/" + vip).then().statusCode(404);

        // GraphQL: the same projection.
        Api.graphql(s.partnerB, "query($id: ID!) { customer(id: $id) { name group tags attributes ownerChannelId originChannelId "
                        + "identities { value channelId } channels { channelId } } }", Map.of("id", vip)).then()
                .body("errors", nullValue())
                .body("data.customer.name", equalTo("Mr Wang")).body("data.customer.group", nullValue())
                .body("data.customer.tags", empty()).body("data.customer.attributes", equalTo("{}"))
                .body("data.customer.ownerChannelId", nullValue()).body("data.customer.originChannelId", nullValue())
                .body("data.customer.identities.value", contains("wx_wang"))
                .body("data.customer.channels.channelId", contains(s.b));
    }

    @Test
    void graphqlNestedFieldsShowAPartnerOnlyItsOwnChannel() {
        Shop s = new Shop().withStock();
        String vip = s.secretVip("13912340101", "vip2@example.cn");
        String directOrder = s.order(s.sales, s.direct, vip);
        identify(s.partnerB, s.b, null, "PHONE", "13912340101", "WECHAT", "wx_b").statusCode(200);
        String ownOrder = s.order(s.partnerB, s.b, vip);
        Api.as(s.partnerB).body(Map.of("channelId", s.b, "kind", "CALL", "occurredAt", "2026-05-02T08:00:00Z"))
                .post("/api/v1/customers/" + vip + "/touchpoints").then().statusCode(201);

        String query = "query($id: ID!) { customer(id: $id) { name tags group identities { value channelId } channels { channelId orderCount } "
                + "orders(first: 10) { edges { node { id channelId } } } stats { orderCount revenue } "
                + "touchpoints(first: 10) { edges { node { channelId } } } } }";
        Api.graphql(s.partnerB, query, Map.of("id", vip)).then().body("errors", nullValue())
                .body("data.customer.name", nullValue()).body("data.customer.tags", empty()).body("data.customer.group", nullValue())
                .body("data.customer.identities.value", contains("wx_b"))
                .body("data.customer.channels.channelId", contains(s.b))
                .body("data.customer.orders.edges.node.id", contains(ownOrder))
                .body("data.customer.stats.orderCount", equalTo(1))
                .body("data.customer.touchpoints.edges.node.channelId", contains(s.b));
        Api.graphql(s.sales, query, Map.of("id", vip)).then().body("errors", nullValue())
                .body("data.customer.name", equalTo("Secret VIP"))
                .body("data.customer.identities", hasSize(3))
                .body("data.customer.channels.channelId", containsInAnyOrder(s.direct, s.b))
                .body("data.customer.orders.edges.node.id", containsInAnyOrder(ownOrder, directOrder))
                .body("data.customer.stats.orderCount", equalTo(2));
        // The customer reached from its own order, and the search connection: the projection too.
        Api.graphql(s.partnerB, "query($id: ID!) { order(id: $id) { customer { id name tags group ownerChannelId } } }",
                        Map.of("id", ownOrder)).then().body("errors", nullValue())
                .body("data.order.customer.id", equalTo(vip)).body("data.order.customer.name", nullValue())
                .body("data.order.customer.tags", empty()).body("data.order.customer.group", nullValue())
                .body("data.order.customer.ownerChannelId", nullValue());
        Api.graphql(s.partnerB, "{ customers(q: \"wx_b\") { edges { node { id name tags } } } }").then().body("errors", nullValue())
                .body("data.customers.edges.node.id", contains(vip)).body("data.customers.edges[0].node.tags", empty());
        Api.graphql(s.partnerB, "{ customers(q: \"vip2@example.cn\") { edges { node { id } } } }").then()
                .body("data.customers.edges", empty());
    }

    // ------------------------------------------------------------------ hole (b): a partner never merges

    @Test
    void aPartnersIdentitiesOnTwoCustomersMergeNothingAndLeaveASuggestion() {
        Shop s = new Shop().withStock();
        String older = newCustomer(s.sales, s.direct, "Older", "PHONE", "13912340201");
        String newer = newCustomer(s.sales, s.direct, "Newer", "EMAIL", "newer@example.cn");
        String newersOrder = s.order(s.sales, s.direct, newer);

        identify(s.partnerB, s.b, null, "PHONE", "13912340201", "EMAIL", "newer@example.cn", "WECHAT", "wx_both").statusCode(200)
                .body("created", equalTo(false)).body("customer.id", equalTo(older)).body("mergedFrom", empty());
        // Nothing moved: both ACTIVE, the e-mail and the order still the newer one's; the new WeChat id went to the oldest.
        Api.as(s.sales).get("/api/v1/customers/" + newer).then().statusCode(200).body("status", equalTo("ACTIVE"));
        Api.as(s.sales).get("/api/v1/customers/" + newer + "/360").then().statusCode(200)
                .body("identities.value", contains("newer@example.cn")).body("orders.count", equalTo(1));
        Api.as(s.sales).get("/api/v1/customers/" + older + "/360").then().statusCode(200)
                .body("identities.value", containsInAnyOrder("+8613912340201", "wx_both"));
        Api.as(s.sales).get("/api/v1/orders/" + newersOrder).then().statusCode(200).body("customerId", equalTo(newer));

        String suggestion = Api.as(s.sales).get("/api/v1/customers/merge-suggestions").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].customerIds", contains(older, newer))
                .body("items[0].suggestedByChannelId", equalTo(s.b))
                .body("items[0].identities.value", containsInAnyOrder("+8613912340201", "newer@example.cn", "wx_both"))
                .body("items[0].identities.find { it.value == 'newer@example.cn' }.customerId", equalTo(newer))
                .body("items[0].createdAt", not(nullValue()))
                .body("nextCursor", nullValue())
                .extract().path("items[0].id");
        assertEquals(1L, events(s.tenant, "customer.mergeSuggested"));
        // The same partner identifying them again adds no second suggestion.
        identify(s.partnerB, s.b, null, "PHONE", "13912340201", "EMAIL", "newer@example.cn").statusCode(200);
        Api.as(s.sales).get("/api/v1/customers/merge-suggestions?status=OPEN").then().body("items.id", contains(suggestion));
        assertEquals(1L, events(s.tenant, "customer.mergeSuggested"));

        // Partners and integrations neither list nor decide; another tenant does not find it.
        for (String token : List.of(s.partnerB, s.integration)) {
            Api.as(token).get("/api/v1/customers/merge-suggestions").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
            Api.as(token).post("/api/v1/customers/merge-suggestions/" + suggestion + "/accept").then().statusCode(403);
            Api.as(token).post("/api/v1/customers/merge-suggestions/" + suggestion + "/dismiss").then().statusCode(403);
        }
        Api.graphql(s.partnerB, "{ customerMergeSuggestions { edges { node { id } } } }").then()
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.graphql(s.partnerB, "mutation($id: ID!) { acceptCustomerMergeSuggestion(id: $id) { id } }", Map.of("id", suggestion)).then()
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.as(Tokens.token(Tokens.newTenant(), "sales")).post("/api/v1/customers/merge-suggestions/" + suggestion + "/accept")
                .then().statusCode(404);
        Api.as(s.sales).post("/api/v1/customers/merge-suggestions/not-an-id/accept").then().statusCode(404);
        Api.as(s.sales).get("/api/v1/customers/merge-suggestions?status=MAYBE").then().statusCode(400)
                .body("errors.field", contains("status"));
        Api.as(null).get("/api/v1/customers/merge-suggestions").then().statusCode(401);

        // Sales accept: the merge use case runs (the order moves), the suggestion is ACCEPTED, once.
        Api.as(s.sales).post("/api/v1/customers/merge-suggestions/" + suggestion + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("survivorId", equalTo(older)).body("decidedBy", not(nullValue()));
        Api.as(s.sales).get("/api/v1/customers/" + newer).then().body("status", equalTo("MERGED")).body("mergedInto", equalTo(older));
        Api.as(s.sales).get("/api/v1/orders/" + newersOrder).then().body("customerId", equalTo(older));
        Api.as(s.sales).post("/api/v1/customers/merge-suggestions/" + suggestion + "/accept").then().statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
        Api.as(s.sales).get("/api/v1/customers/merge-suggestions?status=OPEN").then().body("items", empty());
        Api.as(s.sales).get("/api/v1/customers/merge-suggestions?status=ACCEPTED").then().body("items.id", contains(suggestion));
        // The partner sees no merge lineage in the customer's history.
        Api.as(s.partnerB).get("/api/v1/customers/" + older + "/history").then().statusCode(200).body("items", empty());
        Api.as(s.sales).get("/api/v1/customers/" + older + "/history").then().statusCode(200).body("items.action", hasItem("MERGED_IN"));
    }

    @Test
    void staleSuggestionsAreRefusedAndSuggestionsCanBeDismissedOrAcceptedByManagers() {
        Shop s = new Shop();
        String x = newCustomer(s.sales, s.direct, "X", "PHONE", "13912340301");
        String y = newCustomer(s.sales, s.direct, "Y", "EMAIL", "y@example.cn");
        String z = newCustomer(s.sales, s.direct, "Z", "EMAIL", "z@example.cn");
        identify(s.partnerB, s.b, null, "PHONE", "13912340301", "EMAIL", "y@example.cn").statusCode(200).body("customer.id", equalTo(x));
        identify(s.partnerA, s.a, null, "PHONE", "13912340301", "EMAIL", "z@example.cn").statusCode(200).body("customer.id", equalTo(x));
        List<String> ids = Api.graphql(s.manager, "{ customerMergeSuggestions(status: OPEN, first: 10) { edges { node { id customerIds "
                        + "suggestedByChannelId status identities { kind value customerId } } } } }").then()
                .body("errors", nullValue())
                .body("data.customerMergeSuggestions.edges.node.suggestedByChannelId", contains(s.b, s.a))
                .extract().path("data.customerMergeSuggestions.edges.node.id");
        String xy = ids.get(0);
        String xz = ids.get(1);

        // Z merged by hand since: the suggestion is stale → 409, it stays OPEN, and can be dismissed.
        Api.as(s.sales).body(Map.of("sourceIds", List.of(z))).post("/api/v1/customers/" + x + "/merge").then().statusCode(200);
        Api.as(s.sales).post("/api/v1/customers/merge-suggestions/" + xz + "/accept").then().statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
        Api.as(s.sales).post("/api/v1/customers/merge-suggestions/" + xz + "/dismiss").then().statusCode(200)
                .body("status", equalTo("DISMISSED")).body("survivorId", nullValue());
        Api.as(s.sales).post("/api/v1/customers/merge-suggestions/" + xz + "/dismiss").then().statusCode(409);
        Api.as(s.sales).get("/api/v1/customers/" + y).then().body("status", equalTo("ACTIVE"));

        // A manager (who may not merge by hand) accepts through GraphQL.
        Api.graphql(s.manager, "mutation($id: ID!) { acceptCustomerMergeSuggestion(id: $id) { status survivorId } }", Map.of("id", xy)).then()
                .body("errors", nullValue()).body("data.acceptCustomerMergeSuggestion.status", equalTo("ACCEPTED"))
                .body("data.acceptCustomerMergeSuggestion.survivorId", equalTo(x));
        Api.as(s.sales).get("/api/v1/customers/" + y).then().body("status", equalTo("MERGED")).body("mergedInto", equalTo(x));
        Api.graphql(s.admin, "mutation($id: ID!) { dismissCustomerMergeSuggestion(id: $id) { status } }", Map.of("id", xy)).then()
                .body("errors[0].extensions.code", equalTo("INVALID_TRANSITION"));
        Api.graphql(s.admin, "{ customerMergeSuggestions(status: DISMISSED) { edges { node { id } } } }").then()
                .body("data.customerMergeSuggestions.edges.node.id", contains(xz));
        assertEquals(1L, events(s.tenant, "customer.mergeSuggestionDismissed"));
        assertEquals(1L, events(s.tenant, "customer.mergeSuggestionAccepted"));
    }

    @Test
    void partnersMayNotMergeOrUnmerge() {
        Shop s = new Shop();
        String x = identify(s.partnerB, s.b, "X", "PHONE", "13912340401").statusCode(201).extract().path("customer.id");
        String y = identify(s.partnerB, s.b, "Y", "PHONE", "13912340402").statusCode(201).extract().path("customer.id");
        Api.as(s.partnerB).body(Map.of("sourceIds", List.of(y))).post("/api/v1/customers/" + x + "/merge").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        Api.as(s.partnerB).body(Map.of("sourceId", y)).post("/api/v1/customers/" + x + "/unmerge").then().statusCode(403);
        Api.graphql(s.partnerB, "mutation($id: ID!, $src: String!) { mergeCustomers(id: $id, sourceIds: [$src]) { mergedFrom } }",
                Map.of("id", x, "src", y)).then().body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.graphql(s.partnerB, "mutation($id: ID!, $src: ID!) { unmergeCustomer(id: $id, sourceId: $src) { customer { id } } }",
                Map.of("id", x, "src", y)).then().body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.as(s.sales).get("/api/v1/customers/" + y).then().body("status", equalTo("ACTIVE"));
        // Nor set a price group through identify (it may not through PATCH either).
        Map<String, Object> body = new HashMap<>(identifyBody(s.b, "Z", "PHONE", "13912340403"));
        body.put("group", "VIP");
        Api.as(s.partnerB).body(body).post("/api/v1/customers/identify").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        Api.as(s.sales).get("/api/v1/customers?q=13912340403").then().body("items", empty());
    }

    // ------------------------------------------------------------------ a partner changes only what its channel owns

    @Test
    void aPartnerPatchesOnlyCustomersItsChannelOwns() {
        Shop s = new Shop();
        String vip = s.secretVip("13912340501", "vip5@example.cn");
        identify(s.partnerB, s.b, null, "PHONE", "13912340501").statusCode(200);
        Api.as(s.partnerB).body(Map.of("name", "Hijacked")).patch("/api/v1/customers/" + vip).then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        Api.graphql(s.partnerB, "mutation($id: ID!) { updateCustomer(id: $id, input: {tags: [\"mine\"]}) { id } }", Map.of("id", vip))
                .then().body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Api.as(s.partnerA).body(Map.of("name", "Hijacked")).patch("/api/v1/customers/" + vip).then().statusCode(404);
        Api.as(s.sales).get("/api/v1/customers/" + vip).then().body("name", equalTo("Secret VIP")).body("tags", contains("whale"));

        // Its own customer (created through its channel, so owned by it): it changes and sees name, tags, attributes.
        String own = identify(s.partnerB, s.b, "Li", "PHONE", "13912340502").statusCode(201)
                .body("customer.ownerChannelId", equalTo(s.b)).extract().path("customer.id");
        Api.as(s.partnerB).body(Map.of("name", "Li Lei", "tags", List.of("loyal"), "attributes", Map.of("floor", 3)))
                .patch("/api/v1/customers/" + own).then().statusCode(200)
                .body("name", equalTo("Li Lei")).body("tags", contains("loyal")).body("attributes.floor", equalTo(3))
                .body("ownerChannelId", equalTo(s.b));
        // Sales hand the owned customer to the brand: the partner keeps reading it, but changes it no more.
        Api.as(s.sales).body(Map.of("ownerChannelId", s.direct, "group", "VIP")).patch("/api/v1/customers/" + own).then().statusCode(200);
        Api.as(s.partnerB).get("/api/v1/customers/" + own).then().statusCode(200)
                .body("name", equalTo("Li")).body("tags", empty()).body("group", nullValue()).body("ownerChannelId", nullValue());
        Api.as(s.partnerB).body(Map.of("name", "Li Lei")).patch("/api/v1/customers/" + own).then().statusCode(403);
    }

    // ------------------------------------------------------------------ NPS

    @Test
    void aPartnerRecordsNpsOnlyForCustomersItSoldTo() {
        Shop s = new Shop().withStock();
        String vip = s.secretVip("13912340601", "vip6@example.cn");
        Map<String, Object> nps = Map.of("channelId", s.b, "customerId", vip, "score", 9);
        // Not linked: the customer does not exist for it.
        Api.as(s.partnerB).body(nps).post("/api/v1/surveys/nps").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as(s.partnerB).body(Map.of("channelId", s.b, "customerId", UUID.randomUUID().toString(), "score", 9))
                .post("/api/v1/surveys/nps").then().statusCode(404);
        // Linked, but bought nothing through it (an order through DIRECT does not count).
        identify(s.partnerB, s.b, null, "PHONE", "13912340601").statusCode(200);
        s.order(s.sales, s.direct, vip);
        Api.as(s.partnerB).body(nps).post("/api/v1/surveys/nps").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", contains("customerId"));
        Api.graphql(s.partnerB, "mutation($in: RecordNpsInput!) { recordNps(input: $in) { id } }",
                Map.of("in", nps)).then().body("errors[0].extensions.code", equalTo("VALIDATION_FAILED"));
        assertEquals(0L, count("select count(*) from nps_response where tenant_id = $1", s.tenant));
        // After an order through its own channel it may.
        s.order(s.partnerB, s.b, vip);
        Api.as(s.partnerB).body(nps).post("/api/v1/surveys/nps").then().statusCode(201).body("customerId", equalTo(vip));
        // Staff are not held to it.
        Api.as(s.sales).body(Map.of("channelId", s.a, "customerId", vip, "score", 7)).post("/api/v1/surveys/nps").then().statusCode(201);
    }

    private long events(String tenant, String type) {
        return db.one("select count(*) as n from event_outbox where tenant_id = $1 and type = $2", Tuple.of(tenant, type),
                r -> r.getLong("n")).await().atMost(Duration.ofSeconds(10)).orElseThrow();
    }

    private long count(String sql, String tenant) {
        return db.one(sql, Tuple.of(tenant), r -> r.getLong(0)).await().atMost(Duration.ofSeconds(10)).orElseThrow();
    }
}
