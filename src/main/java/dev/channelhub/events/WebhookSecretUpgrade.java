package dev.channelhub.events;

import dev.channelhub.shared.persistence.Db;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Encrypts the webhook secrets that V9_6 marked as plaintext ({@code v0:}); a no-op once none is left. */
@ApplicationScoped
public class WebhookSecretUpgrade {

    private static final Logger LOG = Logger.getLogger(WebhookSecretUpgrade.class);

    private final Db.Background db;
    private final WebhookRepository webhooks;
    private final WebhookSecrets secrets;

    WebhookSecretUpgrade(Db db, WebhookRepository webhooks, WebhookSecrets secrets) {
        this.db = db.background();
        this.webhooks = webhooks;
        this.secrets = secrets;
    }

    void onStart(@Observes StartupEvent event) {
        int n = db.inTransaction(tx -> webhooks.plaintextSecrets(db, tx).flatMap(rows -> {
            List<Tuple> updates = new ArrayList<>(rows.size());
            for (var r : rows) {
                String tenant = r.getString("tenant_id");
                UUID id = r.getUUID("id");
                String stored = r.getString("secret");
                updates.add(Tuple.of(tenant, id, secrets.seal(tenant, id, secrets.open(tenant, id, stored)), stored));
            }
            return updates.isEmpty() ? io.smallrye.mutiny.Uni.createFrom().item(0)
                    : webhooks.storeSecrets(db, tx, updates).replaceWith(updates.size());
        })).await().indefinitely();
        if (n > 0) {
            LOG.infof("encrypted %d webhook secrets stored in plaintext", n);
        }
    }
}
