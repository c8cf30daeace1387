package dev.channelhub.channel;

import dev.channelhub.support.Api;
import dev.channelhub.support.SqlCounter;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Channel.parent, Channel.children and Channel.groups are batched: a page costs a constant number of statements. */
@QuarkusTest
class ChannelGraphQLBatchTest {

    @Test
    void pageOf50WithParentChildrenAndGroupsIsConstant() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String top1 = Channels.create(admin, "TOP1", "DISTRIBUTOR", "\"region\":\"EAST\"");
        String top2 = Channels.create(admin, "TOP2", "DISTRIBUTOR", "\"region\":\"WEST\"");
        for (int i = 0; i < 50; i++) {
            Channels.create(admin, "SUB" + i, "RETAIL_STORE", "\"parentId\":\"" + (i % 2 == 0 ? top1 : top2) + "\"",
                    "\"region\":\"" + (i % 3 == 0 ? "EAST" : "WEST") + "\"");
        }
        Api.as(admin).body("{\"code\":\"EAST\",\"name\":\"East\",\"rule\":{\"regions\":[\"EAST\"]}}").post("/api/v1/channel-groups").then().statusCode(201);
        Api.as(admin).body("{\"code\":\"TOPS\",\"name\":\"Tops\",\"memberIds\":[\"" + top1 + "\",\"" + top2 + "\"]}")
                .post("/api/v1/channel-groups").then().statusCode(201);

        // The brief's case: a page of 50 with parent and groups = channels + parent + groups.
        long before = SqlCounter.current();
        Api.graphql(admin, "{ channels(first: 50) { edges { node { code parent { code } groups { code } } } } }")
                .then().statusCode(200).body("errors", nullValue()).body("data.channels.edges.size()", org.hamcrest.Matchers.equalTo(50));
        assertEquals(3, SqlCounter.current() - before, "statements for 50 channels with parent and groups");

        String query = "{ channels(first: 50) { edges { node { code parent { code groups { code } } children { code } groups { code } } } } }";
        before = SqlCounter.current();
        var response = Api.graphql(admin, query).then().statusCode(200).body("errors", nullValue()).extract();
        long statements = SqlCounter.current() - before;
        List<Map<String, Object>> edges = response.path("data.channels.edges");
        assertEquals(50, edges.size());
        // channels + parent + children + groups + the parents' groups: at most 5 (the data loader may merge the two
        // levels of Channel.groups into one batch), however many channels there are.
        assertTrue(statements >= 4 && statements <= 5, "statements for a page of 50: " + statements);

        List<String> topGroups = response.path("data.channels.edges[0].node.groups.code");
        assertEquals(List.of("EAST", "TOPS"), topGroups.stream().sorted().toList());
        List<String> topChildren = response.path("data.channels.edges[0].node.children.code");
        assertEquals(25, topChildren.size());
        assertEquals("TOP1", response.path("data.channels.edges[2].node.parent.code"));
        assertEquals(List.of("EAST"), response.path("data.channels.edges[2].node.groups.code"));
        assertEquals(List.of(), response.path("data.channels.edges[3].node.groups.code"));

        // The same query over 10 channels costs the same.
        before = SqlCounter.current();
        Api.graphql(admin, query.replace("first: 50", "first: 10")).then().body("errors", nullValue());
        long small = SqlCounter.current() - before;
        assertEquals(statements, small, "a page of 10 costs what a page of 50 costs");
    }
}
