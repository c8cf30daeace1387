package dev.channelhub.customer;

import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for merge suggestions (table customer_merge_suggestion). Every statement is tenant-scoped. */
@ApplicationScoped
public class MergeSuggestionRepository {

    private static final String COLUMNS = """
            id, customer_ids, identities, suggested_by_channel_id, created_at, status, survivor_id, decided_by, decided_at, version""";

    /** An open suggestion for the same customers already exists → nothing inserted, no row returned. */
    private static final String INSERT = """
            insert into customer_merge_suggestion (tenant_id, id, customer_ids, identities, suggested_by_channel_id, suggested_by, created_at)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (tenant_id, customer_ids) where status = 'OPEN' do nothing
            returning %s""".formatted(COLUMNS);

    private static final String PAGE = """
            select %s from customer_merge_suggestion
            where tenant_id = $1 and ($2::text is null or status = $2) and ($3::uuid is null or id > $3)
            order by id limit $4""".formatted(COLUMNS);

    private static final String LOCK = """
            select %s from customer_merge_suggestion where tenant_id = $1 and id = $2 for update""".formatted(COLUMNS);

    private static final String DECIDE = """
            update customer_merge_suggestion
               set status = $3, survivor_id = $4, decided_by = $5, decided_at = $6, version = version + 1
             where tenant_id = $1 and id = $2 and status = 'OPEN'
            returning %s""".formatted(COLUMNS);

    private final Db db;

    public MergeSuggestionRepository(Db db) {
        this.db = db;
    }

    public Uni<Optional<MergeSuggestionView>> insert(SqlClient tx, String tenant, UUID id, List<UUID> customerIds,
                                                     List<SuggestedIdentity> identities, UUID channelId, String actor, Instant now) {
        JsonArray json = new JsonArray();
        identities.forEach(i -> json.add(new JsonObject().put("kind", i.kind().name()).put("value", i.value())
                .put("customerId", i.customerId())));
        return db.one(tx, INSERT, Tuple.from(new Object[]{tenant, id, customerIds.toArray(new UUID[0]), json, channelId, actor,
                CustomerRepository.utc(now)}), MergeSuggestionRepository::toView);
    }

    public Uni<List<MergeSuggestionView>> page(String tenant, MergeSuggestionStatus status, UUID after, int fetch) {
        return db.list(PAGE, Tuple.of(tenant, status == null ? null : status.name(), after, fetch), MergeSuggestionRepository::toView);
    }

    public Uni<Optional<MergeSuggestionView>> lock(SqlClient tx, String tenant, UUID id) {
        return db.one(tx, LOCK, Tuple.of(tenant, id), MergeSuggestionRepository::toView);
    }

    public Uni<Optional<MergeSuggestionView>> decide(SqlClient tx, String tenant, UUID id, MergeSuggestionStatus status, UUID survivor,
                                                     String actor, Instant now) {
        return db.one(tx, DECIDE, Tuple.from(new Object[]{tenant, id, status.name(), survivor, actor, CustomerRepository.utc(now)}),
                MergeSuggestionRepository::toView);
    }

    static MergeSuggestionView toView(Row r) {
        List<String> customers = new ArrayList<>();
        for (UUID c : r.getArrayOfUUIDs("customer_ids")) {
            customers.add(c.toString());
        }
        List<SuggestedIdentity> identities = new ArrayList<>();
        JsonArray json = (JsonArray) r.getValue("identities");
        for (int i = 0; i < json.size(); i++) {
            JsonObject o = json.getJsonObject(i);
            identities.add(new SuggestedIdentity(IdentityKind.valueOf(o.getString("kind")), o.getString("value"), o.getString("customerId")));
        }
        return new MergeSuggestionView(r.getUUID("id").toString(), customers, identities,
                r.getUUID("suggested_by_channel_id").toString(), CustomerRepository.instant(r, "created_at"),
                MergeSuggestionStatus.valueOf(r.getString("status")), CustomerRepository.str(r.getUUID("survivor_id")),
                r.getString("decided_by"), CustomerRepository.instant(r, "decided_at"), r.getInteger("version"));
    }
}
