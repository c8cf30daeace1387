package dev.channelhub.shared;

import dev.channelhub.shared.boot.Drain;
import dev.channelhub.shared.persistence.Db;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.smallrye.health.runtime.ShutdownReadinessCheck;
import jakarta.enterprise.event.Event;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import dev.channelhub.support.Api;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operations bounds with small settings (issue 21): readiness is DOWN while the outbox lag is over
 * {@code channelhub.outbox.max-lag} and UP again once fan-out has caught up; a call that cannot finish within
 * {@code channelhub.http.request-timeout} (here: waiting on a row lock) is answered 503 REQUEST_TIMEOUT instead of
 * hanging; the pools run with the configured {@code statement_timeout}. The webhook dispatcher is off here, so the
 * lag stays where the test puts it.
 */
@QuarkusTest
@TestProfile(OperationsLimitsTest.Small.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsLimitsTest {

    public static class Small implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("channelhub.webhooks.enabled", "false", "channelhub.outbox.max-lag", "PT1M",
                    "channelhub.http.request-timeout", "PT5S",
                    "quarkus.datasource.reactive.additional-properties.statement_timeout", "45000",
                    // The "replica" is the primary itself here: what is checked is that reports go through the read pool.
                    "channelhub.datasource.read-url", "${quarkus.datasource.reactive.url}");
        }
    }

    @Inject
    Db db;

    @Inject
    Event<ShutdownDelayInitiatedEvent> shutdownDelay;

    @Inject
    Scheduler scheduler;

    @Inject
    @Readiness
    ShutdownReadinessCheck shutdownReadiness;

    @Test
    void readinessIsDownWhileTheOutboxLagIsOverItsBound() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String hook = Api.as(admin).body(new JsonObject().put("url", "https://example.com/in").put("events", List.of("order.*"))
                .put("secret", "test-secret-0123456789").encode()).post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        // An event committed ten minutes ago that the (stopped) dispatcher has not fanned out.
        db.query("""
                insert into event_outbox (tenant_id, id, type, aggregate_type, aggregate_id, payload, occurred_at)
                values ($1, $2, 'order.placed', 'order', $3, '{}'::jsonb, now() - interval '10 minutes')""",
                Tuple.of(tenant, UUID.randomUUID(), UUID.randomUUID())).await().indefinitely();

        RestAssured.given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'outbox' }.data.lagSeconds", greaterThanOrEqualTo(600))
                .body("checks.find { it.name == 'outbox' }.data.maxLagSeconds", equalTo(60));
        // Liveness does not depend on it: the instance is not restarted for a backlog.
        RestAssured.given().get("/q/health/live").then().statusCode(200);

        // Fan-out catches up (the cursor moves past the event): ready again.
        db.query("""
                update webhook set cursor_tx = (select max(tx_id) from event_outbox where tenant_id = $1),
                cursor_seq = (select max(seq) from event_outbox where tenant_id = $1) where tenant_id = $1 and id = $2""",
                Tuple.of(tenant, UUID.fromString(hook))).await().indefinitely();
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("outbox"))
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"));
    }

    @Test
    void aCallThatCannotFinishInTimeIs503RequestTimeout() {
        String tenant = Tokens.newTenant();
        String admin = Tokens.token(tenant, "admin");
        String channel = Api.as(admin).body(Map.of("code", "T", "name", "T", "type", "DIRECT")).post("/api/v1/channels")
                .then().statusCode(201).extract().path("id");
        SqlConnection conn = db.pool().getConnection().await().indefinitely();
        Transaction tx = conn.begin().await().indefinitely();
        try {
            // Another transaction holds the channel row: the update below waits for it.
            conn.preparedQuery("select id from channel where tenant_id = $1 and id = $2 for update")
                    .execute(Tuple.of(tenant, UUID.fromString(channel))).await().indefinitely();
            Api.as(admin).header("X-Request-Id", "slow-1").body(Map.of("name", "Renamed")).patch("/api/v1/channels/" + channel)
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("code", equalTo("REQUEST_TIMEOUT")).body("requestId", equalTo("slow-1"))
                    .header("Retry-After", "2");
            Api.graphql(admin, "mutation($id: ID!) { updateChannel(id: $id, input: {name: \"Again\"}) { id } }", Map.of("id", channel))
                    .then().statusCode(503).body("errors[0].extensions.code", equalTo("REQUEST_TIMEOUT"));
        } finally {
            tx.rollback().await().indefinitely();
            conn.close().await().indefinitely();
        }
    }

    @Test
    void reportsReadThroughTheReadPoolWhenAReadUrlIsSet() {
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        Api.as(admin).get("/api/v1/analytics/sales?groupBy=channel&from=2026-01-01&to=2026-01-31").then().statusCode(200);
        Api.as(admin).get("/api/v1/analytics/inventory/low-stock").then().statusCode(200);
        long readers = db.list("select count(*) as n from pg_stat_activity where application_name = 'channelhub-read'", Tuple.tuple(),
                r -> r.getLong("n")).await().indefinitely().get(0);
        assertTrue(readers >= 1, "a connection of the read pool served the reports");
        String timeout = db.reads().query("show statement_timeout").execute().await().indefinitely().iterator().next().getString(0);
        assertEquals("45s", timeout, "the read pool has the same statement bound");
    }

    @Test
    void thePoolsRunWithTheConfiguredStatementTimeout() {
        String value = db.list("show statement_timeout", Tuple.tuple(), r -> r.getString(0)).await().indefinitely().get(0);
        assertEquals("45s", value);
    }

    /**
     * The first step of the drain (last here: it leaves this instance not ready). What SIGTERM does first — Quarkus's
     * shutdown listener marks its graceful-shutdown readiness check and fires the delay event — done by hand: readiness
     * is DOWN while calls are still served, and background work stops claiming.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void drainingTakesTheInstanceOutOfRotationAndStopsBackgroundClaims() {
        assertTrue(scheduler.isRunning());
        shutdownReadiness.shutdown();
        shutdownDelay.fire(new ShutdownDelayInitiatedEvent());
        RestAssured.given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'Graceful Shutdown' }.status", equalTo("DOWN"));
        assertTrue(Drain.draining(), "the webhook dispatcher claims no new deliveries");
        assertFalse(scheduler.isRunning(), "scheduled sweeps are paused");
        // Still serving while the balancer notices.
        Api.as(Tokens.token(Tokens.newTenant(), "admin")).get("/api/v1/channels").then().statusCode(200);
    }
}
