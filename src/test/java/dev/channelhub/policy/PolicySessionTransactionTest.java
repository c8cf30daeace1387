package dev.channelhub.policy;

import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import dev.channelhub.support.SessionTransactions;
import dev.channelhub.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.channelhub.support.SessionTransactions.newCaller;
import static dev.channelhub.support.SessionTransactions.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A policy's publication is one Hibernate Reactive transaction (docs/DEVELOPING.md "Persistence"): the policy entity, its
 * first version and targets (native statements on the session), {@code policy.published} and the idempotency answer. When
 * the outbox refuses the event (a trigger for this test's tenant only), none of them is left behind and the key is
 * released; without the trigger the same request commits all of them and replays.
 */
@QuarkusTest
class PolicySessionTransactionTest {

    @Inject
    PolicyService policies;

    @Inject
    Db db;

    @Test
    void aPublicationWhoseEventFailsLeavesNoPolicyNoTargetsNoEventAndNoAnswer() throws Throwable {
        Caller caller = newCaller(Role.MANAGER);
        String tenant = caller.tenant();
        String admin = Tokens.token(tenant, "admin");
        String channel = PolicyApiTest.channel(admin, "P-TX", "DISTRIBUTOR", null, null);
        String key = "policy-rollback-" + UUID.randomUUID();
        PublishPolicyRequest request = new PublishPolicyRequest("Rolled back", PolicyKind.ANNOUNCEMENT, "never published",
                List.of(new Attachment("terms.pdf", "https://x.example/t.pdf")), new Audience(null, List.of(channel), null, null, null),
                true, null, null);

        String trigger = "fail_outbox_" + tenant.replaceAll("[^A-Za-z0-9]", "_");
        sql("create or replace function " + trigger + "() returns trigger language plpgsql as "
                + "$f$ begin raise exception 'the outbox refuses this event (test)'; end $f$");
        sql("create trigger " + trigger + " before insert on event_outbox for each row when (new.tenant_id = '" + tenant + "') "
                + "execute function " + trigger + "()");
        try {
            assertThrows(Exception.class, () -> VertxContextSupport.subscribeAndAwait(() -> policies.publish(caller, request, key)));
        } finally {
            sql("drop trigger " + trigger + " on event_outbox");
            sql("drop function " + trigger + "()");
        }

        assertEquals(0, count("select count(*) from policy where tenant_id = $1", tenant), "no policy");
        assertEquals(0, count("select count(*) from policy_version where tenant_id = $1", tenant), "no version");
        assertEquals(0, count("select count(*) from policy_target where tenant_id = $1", tenant), "no targets");
        assertEquals(0, count("select count(*) from event_outbox where tenant_id = $1", tenant) - channelEvents(tenant), "no policy event");
        assertEquals(0, count("select count(*) from idempotency_key where tenant_id = $1 and key = '" + key + "'", tenant),
                "no answer, and the key is released for a retry");

        // The same request again, with the outbox accepting: everything commits together, and the key replays it.
        Outcome<PolicyView> published = run(() -> policies.publish(caller, request, key));
        assertEquals(201, published.status());
        assertEquals(1, published.body().version());
        assertEquals(1, count("select count(*) from policy where tenant_id = $1", tenant));
        assertEquals(1, count("select count(*) from policy_version where tenant_id = $1 and version = 1", tenant));
        assertEquals(1, count("select count(*) from policy_target where tenant_id = $1 and added_by = 'PUBLICATION'", tenant));
        assertEquals(1, count("select count(*) from event_outbox where tenant_id = $1 and type = 'policy.published'", tenant));
        assertEquals(1, count("select count(*) from idempotency_key where tenant_id = $1 and state = 'DONE' and status = 201", tenant));
        Outcome<PolicyView> replay = run(() -> policies.publish(caller, request, key));
        assertTrue(replay.replayed());
        assertEquals(published.body().id(), replay.body().id());
        assertEquals(1, count("select count(*) from policy where tenant_id = $1", tenant), "the replay published nothing");
    }

    private long channelEvents(String tenant) {
        return count("select count(*) from event_outbox where tenant_id = $1 and type like 'channel.%'", tenant);
    }

    private void sql(String statement) {
        db.pool().query(statement).execute().await().indefinitely();
    }

    private long count(String sql, String tenant) {
        return SessionTransactions.count(db, sql, tenant);
    }
}
