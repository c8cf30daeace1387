package dev.channelhub.shared;

import dev.channelhub.analytics.survey.NpsResponseEntity;
import dev.channelhub.channel.ChannelEntity;
import dev.channelhub.channel.ChannelStatus;
import dev.channelhub.channel.ChannelType;
import dev.channelhub.events.EventOutbox;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.support.SessionTransactions;
import dev.channelhub.support.SqlCounter;
import dev.channelhub.support.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static dev.channelhub.support.SessionTransactions.assertFailsAtTheEnd;
import static dev.channelhub.support.SessionTransactions.failAtTheEndIf;
import static dev.channelhub.support.SessionTransactions.inOneTransaction;
import static dev.channelhub.support.SessionTransactions.newCaller;
import static dev.channelhub.support.SessionTransactions.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared transaction of a Panache use case (docs/DEVELOPING.md "Persistence"): the entity write, its outbox event
 * ({@code EventOutbox.append(session, ...)}) and its idempotency answer ({@code Completion.record(session, ...)}) run in
 * one Hibernate Reactive transaction, so a rollback leaves none of the three and a commit keeps all three.
 */
@QuarkusTest
class SessionTransactionTest {

    @Inject
    EventOutbox outbox;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Db db;

    @ConfigProperty(name = "quarkus.hibernate-orm.schema-management.strategy")
    String schemaManagement;

    @Test
    void aRolledBackEntityWriteLeavesNoEventAndNoIdempotencyAnswer() throws Throwable {
        Caller caller = newCaller(Role.ADMIN);
        String tenant = caller.tenant();
        UUID id = Ids.newId();
        String key = "rollback-" + id;

        assertFailsAtTheEnd("fails after the entity, the event and the answer were written", () -> useCase(caller, id, key, true));

        assertEquals(0, count("select count(*) from channel where tenant_id = $1 and id = $2", tenant, id), "no channel");
        assertEquals(0, count("select count(*) from event_outbox where tenant_id = $1 and aggregate_id = $2", tenant, id), "no event");
        assertEquals(0, count("select count(*) from idempotency_key where tenant_id = $1 and key = $2", tenant, key),
                "no answer, and the key is released for a retry");
    }

    @Test
    void aCommittedEntityWriteKeepsItsEventAndItsAnswer() throws Throwable {
        Caller caller = newCaller(Role.ADMIN);
        String tenant = caller.tenant();
        UUID id = Ids.newId();
        String key = "commit-" + id;

        Outcome<Answer> outcome = run(() -> useCase(caller, id, key, false));
        assertEquals(201, outcome.status());

        assertEquals(1, count("select count(*) from channel where tenant_id = $1 and id = $2", tenant, id));
        assertEquals(1, count("select count(*) from event_outbox where tenant_id = $1 and aggregate_id = $2 and type = 'test.created'",
                tenant, id));
        assertEquals(1, count("select count(*) from idempotency_key where tenant_id = $1 and key = $2 and state = 'DONE' and status = 201",
                tenant, key));
        // The same key again is answered from the stored answer: the use case does not run a second time.
        Outcome<Answer> replay = run(() -> useCase(caller, Ids.newId(), key, false));
        assertTrue(replay.replayed());
        assertEquals(outcome.body(), replay.body());
    }

    @Test
    void hibernateStatementsAreCountedAndTheMappingIsValidatedAgainstTheMigratedSchema() throws Throwable {
        // Every @QuarkusTest start validates each entity against the Flyway-migrated schema (a mismatch fails the start).
        assertEquals("validate", schemaManagement);
        long before = SqlCounter.current();
        long backgroundBefore = SqlCounter.background();
        Long channels = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> ChannelEntity.count("tenantId = ?1", Tokens.newTenant())));
        assertEquals(0L, channels);
        // Run outside any HTTP request (as a sweep, an import or a webhook delivery would), the statement is counted as
        // background work: a per-request count taken at the same moment must not see it.
        assertEquals(0, SqlCounter.current() - before, "no request statement counted");
        assertTrue(SqlCounter.background() - backgroundBefore >= 1, "counted as background work");
    }

    @Test
    void poolStatementsOutsideARequestAreBackgroundWork() {
        // The pool's statements follow the same rule as Hibernate's: a sweep's statement never inflates a request's count.
        io.vertx.mutiny.sqlclient.Tuple none = io.vertx.mutiny.sqlclient.Tuple.tuple();
        long before = SqlCounter.current();
        long backgroundBefore = SqlCounter.background();
        db.query("select 1", none).await().indefinitely();
        assertEquals(0, SqlCounter.current() - before, "no request statement counted outside a request");
        assertTrue(SqlCounter.background() - backgroundBefore >= 1, "counted as background work");
        long inRequest = SqlCounter.current();
        dev.channelhub.support.AsRequest.await(() -> db.query("select 1", none));
        assertEquals(1, SqlCounter.current() - inRequest, "counted for the request it runs in");
    }

    @Test
    void hibernateStatementsOfARequestAreCountedForTheRequest() {
        // A channel's PATCH is a Panache write: the request counter sees its statements.
        String admin = Tokens.token(Tokens.newTenant(), "admin");
        String id = dev.channelhub.support.Api.as(admin)
                .body("{\"code\":\"HS-1\",\"name\":\"Counted\",\"type\":\"ONLINE_STORE\"}")
                .post("/api/v1/channels").then().statusCode(201).extract().path("id");
        long before = SqlCounter.current();
        dev.channelhub.support.Api.as(admin).body("{\"name\":\"Counted twice\"}").patch("/api/v1/channels/" + id)
                .then().statusCode(200);
        assertTrue(SqlCounter.current() - before >= 2, "the PATCH's Hibernate statements counted for the request");
    }

    @Test
    void aRolledBackSurveyAnswerLeavesNoEventAndNoIdempotencyAnswer() throws Throwable {
        // The survey's write (analytics/survey/SurveyService.recordNps) in the same shape: the answer entity, its
        // survey.nps_recorded event and the idempotency answer, all on the session; a failure at the end undoes all three.
        Caller caller = newCaller(Role.ADMIN);
        String tenant = caller.tenant();
        UUID id = Ids.newId();
        UUID channelId = Ids.newId();
        String key = "nps-rollback-" + id;

        assertFailsAtTheEnd("fails after the answer, the event and the idempotency answer were written",
                () -> surveyUseCase(caller, id, channelId, key, true));
        assertEquals(0, count("select count(*) from nps_response where tenant_id = $1 and id = $2", tenant, id), "no answer");
        assertEquals(0, count("select count(*) from event_outbox where tenant_id = $1 and aggregate_id = $2", tenant, channelId), "no event");
        assertEquals(0, count("select count(*) from idempotency_key where tenant_id = $1 and key = $2", tenant, key),
                "no idempotency answer, and the key is released");

        Outcome<Answer> committed = run(() -> surveyUseCase(caller, id, channelId, key, false));
        assertEquals(201, committed.status());
        assertEquals(1, count("select count(*) from nps_response where tenant_id = $1 and id = $2", tenant, id));
        assertEquals(1, count("select count(*) from event_outbox where tenant_id = $1 and aggregate_id = $2 and type = 'survey.nps_recorded'",
                tenant, channelId));
        assertEquals(1, count("select count(*) from idempotency_key where tenant_id = $1 and key = $2 and state = 'DONE'", tenant, key));
    }

    private Uni<Outcome<Answer>> surveyUseCase(Caller caller, UUID id, UUID channelId, String key, boolean failAtTheEnd) {
        return inOneTransaction(idempotency, caller, key, "POST /session-transaction-test/nps", Map.of("id", "fixed"), Answer.class,
                (session, completion) -> {
                    NpsResponseEntity answer = new NpsResponseEntity();
                    answer.tenantId = caller.tenant();
                    answer.id = id;
                    answer.channelId = channelId;
                    answer.score = 9;
                    answer.recordedBy = caller.subject();
                    answer.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return session.persist(answer).call(session::flush)
                            .call(() -> outbox.append(session, caller, "survey.nps_recorded", "channel", channelId, channelId,
                                    Map.of("id", id.toString())))
                            .flatMap(x -> completion.record(session, Outcome.created(new Answer("recorded " + id))))
                            .invoke(failAtTheEndIf(failAtTheEnd, "fails after the answer, the event and the idempotency answer were written"));
                });
    }

    private Uni<Outcome<Answer>> useCase(Caller caller, UUID id, String key, boolean failAtTheEnd) {
        return inOneTransaction(idempotency, caller, key, "POST /session-transaction-test", Map.of("id", "fixed"), Answer.class,
                (session, completion) -> {
                    ChannelEntity channel = new ChannelEntity();
                    channel.tenantId = caller.tenant();
                    channel.id = id;
                    channel.code = "C-" + id;
                    channel.name = "rollback test";
                    channel.type = ChannelType.DISTRIBUTOR;
                    channel.status = ChannelStatus.ACTIVE;
                    channel.currency = "CNY";
                    channel.version = 1;
                    channel.createdAt = channel.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return session.persist(channel).call(session::flush)
                            .call(() -> outbox.append(session, caller, "test.created", "channel", id, id, Map.of("id", id.toString())))
                            .flatMap(x -> completion.record(session, Outcome.created(new Answer("created " + id))))
                            .invoke(failAtTheEndIf(failAtTheEnd, "fails after the entity, the event and the answer were written"));
                });
    }

    /** An answer is stored as a JSON object, as every create's body is. */
    record Answer(String text) {
    }

    private long count(String sql, String tenant, Object arg) {
        return SessionTransactions.count(db, sql, tenant, arg);
    }
}
