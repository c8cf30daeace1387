package dev.channelhub.incentive;

import dev.channelhub.shared.money.Money;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.persistence.TenantKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/** Channel costs: persisted as {@link ChannelCostEntity} in the service's transaction; the list is SQL on the pool. */
@ApplicationScoped
public class ChannelCostRepository implements PanacheRepositoryBase<ChannelCostEntity, TenantKey> {

    private static final String COLUMNS = """
            id, channel_id, cost_date, category, amount, currency, note, expense_claim_id, created_by, created_at""";

    @Inject
    Db db;

    public Uni<List<ChannelCostView>> list(String tenant, ChannelCostFilter f, PageRequest page) {
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from channel_cost where tenant_id = $1");
        if (f.channelId() != null) {
            args.add(f.channelId());
            sql.append(" and channel_id = $").append(args.size());
        }
        if (f.category() != null) {
            args.add(f.category().name());
            sql.append(" and category = $").append(args.size());
        }
        if (f.from() != null) {
            args.add(f.from());
            sql.append(" and cost_date >= $").append(args.size());
        }
        if (f.to() != null) {
            args.add(f.to());
            sql.append(" and cost_date <= $").append(args.size());
        }
        if (page.after() != null) {
            args.add(page.afterId());
            sql.append(" and id > $").append(args.size());
        }
        args.add(page.fetchSize());
        sql.append(" order by id limit $").append(args.size());
        return db.list(sql.toString(), Tuple.from(args), ChannelCostRepository::toView);
    }

    static ChannelCostView toView(Row r) {
        String cur = r.getString("currency");
        java.util.UUID claim = r.getUUID("expense_claim_id");
        return new ChannelCostView(r.getUUID("id").toString(), r.getUUID("channel_id").toString(), r.getLocalDate("cost_date"),
                ChannelCostCategory.valueOf(r.getString("category")), Money.round(r.getBigDecimal("amount"), cur), cur,
                r.getString("note"), claim == null ? null : claim.toString(), r.getString("created_by"),
                r.getOffsetDateTime("created_at").toInstant());
    }
}
