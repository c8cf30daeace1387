package dev.channelhub.inventory;

import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for stock locations. */
@ApplicationScoped
public class LocationRepository {

    static final String COLUMNS = "id, code, name, type, region, channel_ids, priority, version, created_at, updated_at";

    @Inject
    Db db;

    public Uni<Void> insert(SqlClient tx, String tenant, UUID id, CreateLocationRequest r, UUID[] channelIds, Instant now) {
        return db.query(tx, "insert into stock_location (tenant_id, id, code, name, type, region, channel_ids, priority, version, "
                        + "created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9)",
                Tuple.from(new Object[]{tenant, id, r.code(), r.name(), r.type().name(), r.region(), channelIds,
                        r.priority() == null ? 0 : r.priority(), now.atOffset(ZoneOffset.UTC)})).replaceWithVoid();
    }

    /** Applies a patch if the row is at {@code expectedVersion} (when given); empty when no row matched. */
    public Uni<Optional<LocationView>> update(SqlClient tx, String tenant, UUID id, LocationPatch p, UUID[] channelIds,
                                              Integer expectedVersion, Instant now) {
        return db.one(tx, "update stock_location set name = coalesce($3, name),"
                        + " region = case when $4 then null else coalesce($5, region) end,"
                        + " channel_ids = case when $6 then null when $7::uuid[] is not null then $7 else channel_ids end,"
                        + " priority = coalesce($8, priority), version = version + 1, updated_at = $9"
                        + " where tenant_id = $1 and id = $2 and ($10::int is null or version = $10) returning " + COLUMNS,
                Tuple.from(new Object[]{tenant, id, p.name(), p.clears("region"), p.region(), p.clears("channelIds"), channelIds,
                        p.priority(), now.atOffset(ZoneOffset.UTC), expectedVersion}),
                LocationRepository::toView);
    }

    public Uni<Optional<LocationView>> find(SqlClient client, String tenant, UUID id) {
        return db.one(client, "select " + COLUMNS + " from stock_location where tenant_id = $1 and id = $2", Tuple.of(tenant, id),
                LocationRepository::toView);
    }

    public Uni<Optional<LocationView>> findByCode(SqlClient client, String tenant, String code) {
        return db.one(client, "select " + COLUMNS + " from stock_location where tenant_id = $1 and code = $2", Tuple.of(tenant, code),
                LocationRepository::toView);
    }

    /** Locations in id order; {@code servingChannel} keeps only those that serve it. */
    public Uni<List<LocationView>> list(String tenant, UUID servingChannel, PageRequest page) {
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from stock_location where tenant_id = $1");
        if (servingChannel != null) {
            args.add(servingChannel);
            sql.append(" and (channel_ids is null or $2 = any(channel_ids))");
        }
        if (page.after() != null) {
            args.add(page.afterId());
            sql.append(" and id > $").append(args.size());
        }
        args.add(page.fetchSize());
        sql.append(" order by id limit $").append(args.size());
        return db.list(sql.toString(), Tuple.from(args), LocationRepository::toView);
    }

    static LocationView toView(Row r) {
        UUID[] channels = r.getArrayOfUUIDs("channel_ids");
        return new LocationView(r.getUUID("id").toString(), r.getString("code"), r.getString("name"),
                LocationType.valueOf(r.getString("type")), r.getString("region"),
                channels == null ? null : Arrays.stream(channels).map(UUID::toString).toList(),
                r.getInteger("priority"), r.getInteger("version"),
                r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant());
    }
}
