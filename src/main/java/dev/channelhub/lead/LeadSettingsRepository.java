package dev.channelhub.lead;

import dev.channelhub.shared.persistence.Db;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The tenant's lead settings. Changes are an entity ({@link LeadSettingsEntity}, keyed by the tenant) in the service's
 * Hibernate Reactive transaction; reads stay SQL, on the pool or inside the lead's and the deal's own pool transactions
 * (routing and registration read them there).
 */
@ApplicationScoped
public class LeadSettingsRepository implements PanacheRepositoryBase<LeadSettingsEntity, String> {

    private static final String FIND = """
            select accept_deadline_minutes, deal_protection_days from lead_settings where tenant_id = $1""";

    /** The tenant's row with the defaults, unless it exists (a concurrent first change may have created it). */
    private static final String CREATE_DEFAULTS = """
            insert into lead_settings (tenant_id, accept_deadline_minutes, deal_protection_days) values (?1, ?2, ?3)
            on conflict (tenant_id) do nothing""";

    private final Db db;

    public LeadSettingsRepository(Db db) {
        this.db = db;
    }

    /** The tenant's settings row locked for the rest of the transaction ({@code for no key update}); null when absent. */
    public Uni<LeadSettingsEntity> lockEntity(String tenant) {
        return findById(tenant, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Creates the tenant's row with {@link LeadSettings#defaults()} unless it exists; lock it afterwards. */
    public Uni<Void> createDefaults(Mutiny.Session session, String tenant) {
        return session.createNativeQuery(CREATE_DEFAULTS).setParameter(1, tenant)
                .setParameter(2, LeadSettings.DEFAULT_ACCEPT_DEADLINE_MINUTES).setParameter(3, LeadSettings.DEFAULT_DEAL_PROTECTION_DAYS)
                .executeUpdate().replaceWithVoid();
    }

    /** The tenant's settings; the defaults when it never changed them. */
    public Uni<LeadSettings> settings(SqlClient client, String tenant) {
        return db.one(client, FIND, Tuple.of(tenant),
                        r -> new LeadSettings(r.getInteger("accept_deadline_minutes"), r.getInteger("deal_protection_days")))
                .map(o -> o.orElse(LeadSettings.defaults()));
    }
}
