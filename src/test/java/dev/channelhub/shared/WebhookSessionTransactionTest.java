package dev.channelhub.shared;

import dev.channelhub.events.WebhookEntity;
import dev.channelhub.events.WebhookRepository;
import dev.channelhub.events.WebhookStatus;
import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.support.SessionTransactions;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
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
 * {@link SessionTransactionTest} for the webhook entity: a webhook's create writes the row (with its fan-out cursor
 * read on the same session) and its idempotency answer in one Hibernate Reactive transaction, as
 * {@code WebhookService.create} does; a rollback leaves neither (and no outbox event: webhooks emit none), a commit
 * keeps both and replays.
 */
@QuarkusTest
class WebhookSessionTransactionTest {

    @Inject
    WebhookRepository webhooks;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Db db;

    @Test
    void aRolledBackWebhookCreateLeavesNoRowNoEventAndNoIdempotencyAnswer() {
        Caller caller = newCaller(Role.INTEGRATION);
        String tenant = caller.tenant();
        UUID id = Ids.newId();
        String key = "webhook-rollback-" + id;

        assertFailsAtTheEnd("fails after the webhook and the answer were written", () -> create(caller, id, key, true));

        assertEquals(0, count("select count(*) from webhook where tenant_id = $1 and id = $2", tenant, id), "no webhook");
        assertEquals(0, count("select count(*) from event_outbox where tenant_id = $1 and aggregate_id = $2", tenant, id), "no event");
        assertEquals(0, count("select count(*) from idempotency_key where tenant_id = $1 and key = $2", tenant, key),
                "no answer, and the key is released for a retry");
    }

    @Test
    void aCommittedWebhookCreateKeepsTheRowAndItsAnswer() throws Throwable {
        Caller caller = newCaller(Role.INTEGRATION);
        String tenant = caller.tenant();
        UUID id = Ids.newId();
        String key = "webhook-commit-" + id;

        Outcome<Answer> outcome = run(() -> create(caller, id, key, false));
        assertEquals(201, outcome.status());
        assertEquals(1, count("select count(*) from webhook where tenant_id = $1 and id = $2 and version = 1", tenant, id));
        assertEquals(1, count("select count(*) from idempotency_key where tenant_id = $1 and key = $2 and state = 'DONE' and status = 201",
                tenant, key));
        Outcome<Answer> replay = run(() -> create(caller, Ids.newId(), key, false));
        assertTrue(replay.replayed());
        assertEquals(outcome.body(), replay.body());
    }

    private Uni<Outcome<Answer>> create(Caller caller, UUID id, String key, boolean failAtTheEnd) {
        return inOneTransaction(idempotency, caller, key, "POST /webhook-session-transaction-test", Map.of("id", "fixed"), Answer.class,
                (session, completion) -> webhooks.cursorStart(session)
                        .flatMap(cursorTx -> {
                            WebhookEntity webhook = new WebhookEntity();
                            webhook.tenantId = caller.tenant();
                            webhook.id = id;
                            webhook.url = "https://example.com/in";
                            webhook.events = new String[]{"order.*"};
                            webhook.secret = "v1:test";
                            webhook.status = WebhookStatus.ACTIVE;
                            webhook.cursorTx = cursorTx;
                            webhook.cursorSeq = Long.MAX_VALUE;
                            webhook.version = 1;
                            webhook.createdAt = webhook.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                            return session.persist(webhook).call(session::flush)
                                    .flatMap(x -> completion.record(session, Outcome.created(new Answer("created " + id))))
                                    .invoke(failAtTheEndIf(failAtTheEnd, "fails after the webhook and the answer were written"));
                        }));
    }

    /** An answer is stored as a JSON object, as every create's body is. */
    record Answer(String text) {
    }

    private long count(String sql, String tenant, Object arg) {
        return SessionTransactions.count(db, sql, tenant, arg);
    }
}
