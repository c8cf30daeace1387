package dev.channelhub.shared.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Plain SQL on the reactive pool, for the hot paths where Hibernate's per-entity work costs more than the
 * statement (stock reservation, pricing, order placement, reports) and where several rows of different
 * features must change in one transaction.
 */
@ApplicationScoped
public class Db {

    @Inject
    Pool pool;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    private io.micrometer.core.instrument.Counter statements;
    private io.micrometer.core.instrument.DistributionSummary concurrentStatements;
    private Background background;

    @Inject
    io.vertx.mutiny.core.Vertx vertx;

    /** Optional read replica for reports ({@code CHANNELHUB_READ_URL}); unset: reports read the primary. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "channelhub.datasource.read-url")
    Optional<String> readUrl;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "channelhub.datasource.read-pool-size", defaultValue = "8")
    int readPoolSize;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.reactive.additional-properties.statement_timeout")
    Optional<String> statementTimeout;

    private Pool reads;

    @jakarta.annotation.PostConstruct
    void init() {
        reads = readUrl.filter(u -> !u.isBlank()).map(this::replicaPool).orElse(null);
        // Tests read this counter to prove that batched GraphQL fields and lists cost a constant number of statements.
        statements = registry.counter("channelhub.sql.statements");
        background = new Background(registry.counter("channelhub.sql.background.statements"));
        concurrentStatements = io.micrometer.core.instrument.DistributionSummary.builder("channelhub.request.concurrent.statements")
                .description("The most statements one bounded request (a GraphQL operation) ran on the pool at once")
                .register(registry);
    }

    /**
     * Bounds the statements the current request runs on the pool at once to {@code permits} (see
     * {@link StatementBudget}); null outside a Vert.x context. {@link #closeBudget} records how many ran at once.
     */
    public StatementBudget openBudget(int permits) {
        return StatementBudget.open(permits);
    }

    public void closeBudget(StatementBudget budget) {
        if (budget != null) {
            concurrentStatements.record(budget.peak());
        }
    }

    /**
     * The same operations for background workers (webhook delivery, the subscription feed): their statements are
     * counted apart, so the per-request counts that N+1 tests read stay exact while workers poll.
     */
    public Background background() {
        return background;
    }

    public Pool pool() {
        return pool;
    }

    /**
     * Where report reads go (analytics): the read replica's pool when {@code channelhub.datasource.read-url} is set,
     * else the primary pool. Only for reads that may lag the primary by the replica's delay; never inside a
     * transaction and never for what a write must see.
     */
    public Pool reads() {
        return reads != null ? reads : pool;
    }

    /**
     * Catalogue reads: {@code work} on one connection to the replica when one is configured (it may be behind the
     * primary by the replay delay, including behind this instance's own writes), else on one primary connection
     * exactly like {@link #withConnection}. Read-only work only, never inside a transaction.
     */
    public <T> Uni<T> withReadConnection(Function<SqlConnection, Uni<T>> work) {
        return reads == null ? withConnection(work) : reads.withConnection(conn -> Uni.createFrom().deferred(() -> work.apply(conn)));
    }

    // --- Read-your-writes on the replica: per tenant, the primary's WAL position after a write through this instance.

    /**
     * The primary's WAL position now (after the caller's commit), as text for a {@code pg_lsn} parameter. The insert
     * position, not {@code pg_current_wal_lsn()} (what has been written out): with {@code synchronous_commit=off} a commit
     * returns before its record is written, so the write position can be short of it and a replica that replayed up to it
     * may still not show the write (a quote then answered 422 NO_PRICE for a list just created; ReplicaReadsTest).
     */
    static final String PRIMARY_LSN = """
            select pg_current_wal_insert_lsn()::text as lsn
            """;

    /** On the read server: has it replayed up to $1? A server that is not a standby (no replay to wait for) has. */
    static final String REPLAYED = """
            select coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, not pg_is_in_recovery()) as replayed
            """;

    private final java.util.concurrent.atomic.AtomicLong evictedFence = new java.util.concurrent.atomic.AtomicLong();

    /** Tenants with a write this instance made that the replica may not have replayed yet: tenant to WAL position. */
    private final com.github.benmanes.caffeine.cache.Cache<String, Long> fences = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
            .maximumSize(10_000).executor(Runnable::run)
            // A fence pushed out by the bound still holds: it raises the floor every tenant's fresh read waits for.
            .<String, Long>removalListener((tenant, lsn, cause) -> {
                if (cause.wasEvicted() && lsn != null) {
                    evictedFence.accumulateAndGet(lsn, Math::max);
                }
            }).build();


    /**
     * After a committed write of {@code tenant} that {@link #withFreshReads} must see (prices, lists, promotions,
     * products): remembers the primary's WAL position, so this instance's next fresh reads for the tenant go to the
     * primary until the replica has replayed that far. One statement on the primary, and only when a replica is
     * configured (none otherwise).
     */
    public Uni<Void> fence(String tenant) {
        if (reads == null) {
            return Uni.createFrom().voidItem();
        }
        return one(pool, PRIMARY_LSN, Tuple.tuple(), row -> lsn(row.getString("lsn")))
                .invoke(lsn -> lsn.ifPresent(l -> fences.asMap().merge(tenant, l, Math::max))).replaceWithVoid();
    }

    /**
     * Quote reads: {@code work} on one replica connection when the replica has replayed every write of {@code tenant}
     * that this instance {@link #fence fenced}, else on one primary connection. No fence pending (the usual case): no
     * extra statement; a fence pending: one statement on the replica to compare positions (the fence is dropped once
     * passed). No replica configured: exactly {@link #withConnection}. Read-only work only.
     */
    public <T> Uni<T> withFreshReads(String tenant, Function<SqlConnection, Uni<T>> work) {
        if (reads == null) {
            return withConnection(work);
        }
        Long tenantFence = fences.getIfPresent(tenant);
        long floor = evictedFence.get();
        long fence = Math.max(tenantFence == null ? 0 : tenantFence, floor);
        if (fence == 0) {
            return withReadConnection(work);
        }
        return reads.withConnection(conn -> one(conn, REPLAYED, Tuple.of(lsnText(fence)), row -> row.getBoolean("replayed"))
                        .flatMap(replayed -> {
                            if (!Boolean.TRUE.equals(replayed.orElse(false))) {
                                return Uni.createFrom().item(new Routed<T>(false, null));
                            }
                            if (tenantFence != null) {
                                fences.asMap().remove(tenant, tenantFence);
                            }
                            if (floor != 0) {
                                evictedFence.compareAndSet(floor, 0);
                            }
                            return Uni.createFrom().deferred(() -> work.apply(conn)).map(r -> new Routed<>(true, r));
                        }))
                .flatMap(routed -> routed.done() ? Uni.createFrom().item(routed.result()) : withConnection(work));
    }

    private record Routed<T>(boolean done, T result) {
    }

    /** A {@code pg_lsn} text ({@code 16/B374D848}) as one number, so positions compare in Java. */
    static long lsn(String text) {
        int slash = text.indexOf('/');
        return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
    }

    static String lsnText(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase() + "/" + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase();
    }

    /** A pool on the replica: the URL's credentials, else the primary's; application_name channelhub-read. */
    private Pool replicaPool(String url) {
        var options = io.vertx.pgclient.PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url);
        if (!url.contains("@")) { // no credentials in the URL: the primary's
            username.ifPresent(options::setUser);
            password.ifPresent(options::setPassword);
        }
        options.addProperty("application_name", "channelhub-read");
        statementTimeout.ifPresent(t -> options.addProperty("statement_timeout", t));
        options.setCachePreparedStatements(true);
        return io.vertx.mutiny.pgclient.PgPool.pool(vertx, options, new io.vertx.sqlclient.PoolOptions().setMaxSize(readPoolSize));
    }

    @jakarta.annotation.PreDestroy
    void closeReads() {
        if (reads != null) {
            reads.close().subscribe().with(x -> { }, t -> { });
        }
    }

    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /**
     * Several statements on one connection. Statements started together on it are pipelined: sent in one write and
     * answered in one read, instead of a round trip (and a pooled connection) each. A rule that throws inside
     * {@code work} still returns the connection.
     */
    public <T> Uni<T> withConnection(Function<SqlConnection, Uni<T>> work) {
        return pool.withConnection(conn -> Uni.createFrom().deferred(() -> work.apply(conn)));
    }

    public Uni<RowSet<Row>> query(SqlClient client, String sql, Tuple args) {
        count();
        StatementBudget budget = client instanceof SqlConnection ? null : StatementBudget.current();
        return budget == null ? client.preparedQuery(sql).execute(args) : budget.run(() -> client.preparedQuery(sql).execute(args));
    }

    public Uni<RowSet<Row>> query(String sql, Tuple args) {
        return query(pool, sql, args);
    }

    /** One statement executed for many parameter sets in a single round trip. */
    public Uni<RowSet<Row>> batch(SqlClient client, String sql, List<Tuple> batch) {
        count();
        StatementBudget budget = client instanceof SqlConnection ? null : StatementBudget.current();
        return budget == null ? client.preparedQuery(sql).executeBatch(batch)
                : budget.run(() -> client.preparedQuery(sql).executeBatch(batch));
    }

    /**
     * A statement counts for the request when it is sent from an HTTP request's context ({@link RequestContexts}),
     * else for background work, the same rule {@link HibernateStatements} applies to Hibernate's statements: a sweep
     * that happens to run during a request never inflates that request's count.
     */
    private void count() {
        (RequestContexts.inRequest() ? statements : background.counter).increment();
    }

    public <T> Uni<List<T>> list(SqlClient client, String sql, Tuple args, Function<Row, T> mapper) {
        return query(client, sql, args).map(rows -> mapAll(rows, mapper));
    }

    public <T> Uni<List<T>> list(String sql, Tuple args, Function<Row, T> mapper) {
        return list(pool, sql, args, mapper);
    }

    public <T> Uni<Optional<T>> one(SqlClient client, String sql, Tuple args, Function<Row, T> mapper) {
        return query(client, sql, args).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? Optional.of(mapper.apply(it.next())) : Optional.empty();
        });
    }

    public <T> Uni<Optional<T>> one(String sql, Tuple args, Function<Row, T> mapper) {
        return one(pool, sql, args, mapper);
    }

    private static <T> List<T> mapAll(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            out.add(mapper.apply(row));
        }
        return out;
    }

    public final class Background {

        private final io.micrometer.core.instrument.Counter counter;

        private Background(io.micrometer.core.instrument.Counter counter) {
            this.counter = counter;
        }

        public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
            return pool.withTransaction(work);
        }

        public Uni<RowSet<Row>> query(SqlClient client, String sql, Tuple args) {
            counter.increment();
            return client.preparedQuery(sql).execute(args);
        }

        public Uni<RowSet<Row>> query(String sql, Tuple args) {
            return query(pool, sql, args);
        }

        public Uni<RowSet<Row>> batch(SqlClient client, String sql, List<Tuple> batch) {
            counter.increment();
            return client.preparedQuery(sql).executeBatch(batch);
        }

        public <T> Uni<List<T>> list(SqlClient client, String sql, Tuple args, Function<Row, T> mapper) {
            return query(client, sql, args).map(rows -> mapAll(rows, mapper));
        }

        public <T> Uni<List<T>> list(String sql, Tuple args, Function<Row, T> mapper) {
            return list(pool, sql, args, mapper);
        }
    }
}
