package dev.channelhub.channel;

import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for channels. Every statement is scoped by tenant; partner scoping is a recursive CTE over parent_id. */
@ApplicationScoped
public class ChannelRepository {

    static final String COLUMNS = "id, code, name, type, status, region, tier, parent_id, credit_limit, currency, "
            + "contact_name, contact_phone, contact_email, version, created_at, updated_at";

    /** The partner's own channel and everything below it; $1 tenant, $2 the partner's channel. */
    static final String PARTNER_SCOPE = "with recursive scope(id) as ("
            + " select id from channel where tenant_id = $1 and id = $2"
            + " union all select c.id from channel c join scope s on c.parent_id = s.id where c.tenant_id = $1) ";

    @Inject
    Db db;

    public record ChannelFilter(ChannelType type, ChannelStatus status, String tier, String region, UUID parentId) {
    }

    public Uni<Void> insert(SqlClient client, String tenant, UUID id, CreateChannelRequest r, ChannelStatus status, String currency, Instant now) {
        ContactView c = r.contact();
        return db.query(client, "insert into channel (tenant_id, id, code, name, type, status, region, tier, parent_id, credit_limit, "
                        + "currency, contact_name, contact_phone, contact_email, version, created_at, updated_at) "
                        + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, $15, $15)",
                Tuple.from(new Object[]{tenant, id, r.code(), r.name(), r.type().name(), status.name(), r.region(), r.tier(),
                        r.parentId() == null ? null : UUID.fromString(r.parentId()), r.creditLimit(), currency,
                        c == null ? null : c.name(), c == null ? null : c.phone(), c == null ? null : c.email(),
                        now.atOffset(ZoneOffset.UTC)})).replaceWithVoid();
    }

    public Uni<Optional<ChannelView>> find(SqlClient client, String tenant, UUID id) {
        return db.one(client, "select " + COLUMNS + " from channel where tenant_id = $1 and id = $2", Tuple.of(tenant, id),
                ChannelRepository::toView);
    }

    public Uni<Optional<ChannelView>> lockForUpdate(SqlClient tx, String tenant, UUID id) {
        return db.one(tx, "select " + COLUMNS + " from channel where tenant_id = $1 and id = $2 for update", Tuple.of(tenant, id),
                ChannelRepository::toView);
    }

    /** The channel if {@code partnerChannel} may see it (itself or a descendant). */
    public Uni<Optional<ChannelView>> findVisibleToPartner(String tenant, UUID partnerChannel, UUID id) {
        return db.one(PARTNER_SCOPE + "select " + COLUMNS + " from channel where tenant_id = $1 and id = $3 and id in (select id from scope)",
                Tuple.of(tenant, partnerChannel, id), ChannelRepository::toView);
    }

    public Uni<List<ChannelView>> findAll(String tenant, Collection<UUID> ids) {
        return db.list("select " + COLUMNS + " from channel where tenant_id = $1 and id = any($2)",
                Tuple.of(tenant, ids.toArray(new UUID[0])), ChannelRepository::toView);
    }

    public Uni<List<ChannelView>> list(String tenant, UUID partnerChannel, ChannelFilter f, PageRequest page) {
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        StringBuilder sql = new StringBuilder();
        if (partnerChannel != null) {
            args.add(partnerChannel);
            sql.append(PARTNER_SCOPE);
        }
        sql.append("select ").append(COLUMNS).append(" from channel where tenant_id = $1");
        if (partnerChannel != null) {
            sql.append(" and id in (select id from scope)");
        }
        if (f.type() != null) {
            args.add(f.type().name());
            sql.append(" and type = $").append(args.size());
        }
        if (f.status() != null) {
            args.add(f.status().name());
            sql.append(" and status = $").append(args.size());
        }
        if (f.tier() != null) {
            args.add(f.tier());
            sql.append(" and tier = $").append(args.size());
        }
        if (f.region() != null) {
            args.add(f.region());
            sql.append(" and region = $").append(args.size());
        }
        if (f.parentId() != null) {
            args.add(f.parentId());
            sql.append(" and parent_id = $").append(args.size());
        }
        if (page.after() != null) {
            args.add(page.afterId());
            sql.append(" and id > $").append(args.size());
        }
        args.add(page.fetchSize());
        sql.append(" order by id limit $").append(args.size());
        return db.list(sql.toString(), Tuple.from(args), ChannelRepository::toView);
    }

    static ChannelView toView(Row r) {
        String contactName = r.getString("contact_name");
        String contactPhone = r.getString("contact_phone");
        String contactEmail = r.getString("contact_email");
        ContactView contact = contactName == null && contactPhone == null && contactEmail == null ? null
                : new ContactView(contactName, contactPhone, contactEmail);
        UUID parent = r.getUUID("parent_id");
        BigDecimal credit = r.getBigDecimal("credit_limit");
        String currency = r.getString("currency");
        return new ChannelView(r.getUUID("id").toString(), r.getString("code"), r.getString("name"),
                ChannelType.valueOf(r.getString("type")), ChannelStatus.valueOf(r.getString("status")),
                r.getString("region"), r.getString("tier"), parent == null ? null : parent.toString(),
                dev.channelhub.shared.money.Money.round(credit, currency), currency,
                contact, r.getInteger("version"),
                r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant());
    }
}
