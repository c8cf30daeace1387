package dev.channelhub.shared;

import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code nodes(ids)}: the positions that could not be read travel in {@code extensions.indexes} as JSON numbers a client
 * can index with, not as the text of a list (SmallRye writes extension values that are not JSON values as their
 * {@code toString()}).
 */
@QuarkusTest
class RelayNodesErrorIndexTest {

    @Test
    void theIndexesOfUnreadableIdsAreNumbers() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        String channel = Api.as(admin).body("{\"code\":\"IDX-1\",\"name\":\"Indexed\",\"type\":\"ONLINE_STORE\"}")
                .post("/api/v1/channels").then().statusCode(201).extract().path("id");
        Api.graphql(admin, "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }",
                        Map.of("ids", List.of(Ids.newId().toString(), channel, "not-an-id"))).then().statusCode(200)
                .body("data.nodes[0]", nullValue()).body("data.nodes[1].id", equalTo(channel)).body("data.nodes[2]", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body("errors[0].extensions.indexes", contains(0, 2))
                .body("errors[0].extensions.indexes[1]", instanceOf(Integer.class));
    }
}
