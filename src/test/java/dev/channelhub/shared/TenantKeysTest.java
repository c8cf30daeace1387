package dev.channelhub.shared;

import dev.channelhub.shared.persistence.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema distributes on Citus by {@code tenant_id} (docs/SCALING.md "Citus"): checked on the migrated test
 * database, not on the migration text, so a later {@code alter table} counts too.
 * <ul>
 *   <li>every table has a {@code tenant_id} that is not null (a distribution column cannot be null);</li>
 *   <li>every primary key, unique constraint and unique index starts with {@code tenant_id} (Citus enforces uniqueness
 *       only when the key contains the distribution column; first also keeps the tenant's rows together in the index);</li>
 *   <li>every foreign key starts with {@code tenant_id} on both sides (a foreign key between distributed tables must
 *       include the distribution column, so both rows sit in colocated shards).</li>
 * </ul>
 * Exceptions must be listed in {@link #NOT_TENANT_TABLES} with their reason; today there are none.
 */
@QuarkusTest
class TenantKeysTest {

    /** Tables without tenant_id, each with the reason (a Citus reference table, or not ChannelHub's). */
    static final Map<String, String> NOT_TENANT_TABLES = Map.of(
            "flyway_schema_history", "Flyway's own bookkeeping: stays a local table on the coordinator",
            "sales_rollup_cursor", "the sales-rollup feed's one position in the outbox of all tenants (V21_1): follows the "
                    + "outbox feed's design change on Citus (docs/SCALING.md)");

    @Inject
    Db db;

    private List<String> rows(String sql) {
        return db.list(sql, Tuple.tuple(), r -> r.getString(0)).await().indefinitely();
    }

    @Test
    void everyTableHasANotNullTenantId() {
        List<String> tables = rows("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind in ('r', 'p') order by 1""");
        assertTrue(tables.size() > 50, "the migrated schema: " + tables);
        List<String> without = rows("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind in ('r', 'p')
                and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and a.attnotnull
                                and not a.attisdropped)
                order by 1""");
        assertEquals(Set.copyOf(NOT_TENANT_TABLES.keySet()), Set.copyOf(without), "tables without a not-null tenant_id");
    }

    @Test
    void everyKeyAndUniqueIndexStartsWithTenantId() {
        List<String> offending = rows("""
                select t.relname || '.' || i.relname || ': ' || pg_get_indexdef(x.indexrelid)
                from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
                join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = current_schema() and x.indisunique and t.relname not in ('flyway_schema_history', 'sales_rollup_cursor')
                and (x.indkey[0] = 0 or (select a.attname from pg_attribute a where a.attrelid = x.indrelid and a.attnum = x.indkey[0])
                     is distinct from 'tenant_id')
                order by 1""");
        assertEquals(List.of(), offending, "primary keys, unique constraints and unique indexes that do not start with tenant_id");
        // The statement above does see keys: every tenant table has its primary key among them.
        List<String> withoutPrimaryKey = rows("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind in ('r', 'p')
                and not exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'p') order by 1""");
        assertEquals(List.of(), withoutPrimaryKey, "tables without a primary key");
    }

    @Test
    void everyForeignKeyStartsWithTenantIdOnBothSides() {
        List<String> keys = rows("""
                select k.conrelid::regclass || ' ' || k.conname from pg_constraint k join pg_namespace n on n.oid = k.connamespace
                where n.nspname = current_schema() and k.contype = 'f' order by 1""");
        assertTrue(keys.size() > 10, "the schema's foreign keys: " + keys);
        List<String> offending = rows("""
                select k.conrelid::regclass || ' ' || k.conname || ': ' || pg_get_constraintdef(k.oid)
                from pg_constraint k join pg_namespace n on n.oid = k.connamespace
                where n.nspname = current_schema() and k.contype = 'f'
                and ((select a.attname from pg_attribute a where a.attrelid = k.conrelid and a.attnum = k.conkey[1]) is distinct from 'tenant_id'
                  or (select a.attname from pg_attribute a where a.attrelid = k.confrelid and a.attnum = k.confkey[1]) is distinct from 'tenant_id')
                order by 1""");
        assertEquals(List.of(), offending, "foreign keys that do not start with tenant_id on both sides");
    }
}
