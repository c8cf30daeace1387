package dev.channelhub.shared.idempotency;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.security.Caller;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Idempotency-Key handling for every create (API-CONTRACT §1). The first request with a key claims it
 * (a PENDING row, unique per tenant and caller: {@link #scopeOf}), runs, and stores its status and body; the same key and body later
 * replays that answer, a different body is IDEMPOTENCY_KEY_REUSED. A concurrent duplicate waits for the
 * first to finish, so exactly one executes. A failed attempt releases the key so a retry can run again.
 */
@ApplicationScoped
public class IdempotencyService {

    static final int MAX_KEY_LENGTH = 255;
    private static final int WAIT_MILLIS = 20;
    private static final int MAX_ROUNDS = 750; // ~15 s of waiting for a concurrent twin

    @Inject
    Db db;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Vertx vertx;

    private ObjectMapper canonical;

    @PostConstruct
    void init() {
        canonical = JsonMapper.builder()
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .findAndAddModules()
                .build();
    }

    /** The result of a create: the HTTP status it answered and its body. */
    public record Outcome<T>(int status, T body, boolean replayed) {
        public static <T> Outcome<T> created(T body) {
            return new Outcome<>(201, body, false);
        }

        public static <T> Outcome<T> ok(T body) {
            return new Outcome<>(200, body, false);
        }
    }

    /**
     * Who a key belongs to inside its tenant: the token's subject, and for a partner also its channel (partner
     * users of different channels may share a subject). Another caller's identical key is another key.
     */
    public static String scopeOf(Caller caller) {
        String subject = caller.subject() == null ? "" : caller.subject();
        return caller.partnerChannelId() == null ? subject : subject + " @channel:" + caller.partnerChannelId();
    }

    /**
     * Runs {@code action} at most once per (tenant, caller, key). {@code operation} names the endpoint (e.g.
     * {@code POST /channels}), so one key on two endpoints counts as reuse.
     */
    public <T> Uni<Outcome<T>> run(Caller caller, String key, String operation, Object request, Class<T> type,
                                   Supplier<Uni<Outcome<T>>> action) {
        return runRecording(caller, key, operation, request, type, completion -> action.get());
    }

    /**
     * Stores a create's answer inside the create's own transaction, so the answer commits with what it answers
     * (one commit fewer than storing it afterwards). {@link #runRecording} hands one to its action.
     */
    public static final class Completion {
        private final IdempotencyService service;
        private final String tenant;
        private final String scope;
        private final String key;
        /** Null: the key was claimed before the action ran; else the request's hash, and the answer's insert claims it. */
        private final String claimingHash;
        private volatile Outcome<?> stored;

        private Completion(IdempotencyService service, String tenant, String scope, String key, String claimingHash) {
            this.service = service;
            this.tenant = tenant;
            this.scope = scope;
            this.key = key;
            this.claimingHash = claimingHash;
        }

        /**
         * True when no row was claimed before the action ({@link #runClaimingAtEnd}): a duplicate the action meets
         * (a unique key of its own rows) must then fail the action, so the key's stored answer or hash decides.
         */
        public boolean claimsAtEnd() {
            return claimingHash != null;
        }

        /**
         * Writes {@code outcome} as the key's answer in {@code tx}; call it last, and return this very
         * {@code outcome} from the action. Without a key it writes nothing.
         */
        public <T> Uni<Outcome<T>> record(SqlClient tx, Outcome<T> outcome) {
            if (key == null) {
                return Uni.createFrom().item(outcome);
            }
            if (claimingHash != null) {
                return service.db.query(tx, CLAIM_DONE, Tuple.from(new Object[]{tenant, scope, key, claimingHash, outcome.status(),
                                service.toJson(outcome.body())}))
                        .map(rows -> {
                            if (rows.rowCount() != 1) {
                                throw new KeyTaken(); // rolls the action's transaction back
                            }
                            stored = outcome;
                            return outcome;
                        });
            }
            return service.db.query(tx, DONE, Tuple.of(tenant, key, outcome.status(), service.toJson(outcome.body()), scope))
                    .invoke(() -> stored = outcome).replaceWith(outcome);
        }

        /**
         * {@link #record(SqlClient, Outcome)} through a Hibernate Reactive session: for use cases whose entity changes run
         * in the session's transaction ({@code Panache.withTransaction}), so the answer commits or rolls back with them.
         */
        public <T> Uni<Outcome<T>> record(org.hibernate.reactive.mutiny.Mutiny.Session session, Outcome<T> outcome) {
            if (key == null) {
                return Uni.createFrom().item(outcome);
            }
            if (claimingHash != null) {
                throw new IllegalStateException("claiming at the end is for transactions on the pool");
            }
            return session.createNativeQuery(DONE_ON_SESSION)
                    .setParameter(1, tenant).setParameter(2, key).setParameter(3, outcome.status())
                    .setParameter(4, service.toJson(outcome.body()).encode()).setParameter(5, scope)
                    .executeUpdate()
                    .invoke(() -> stored = outcome).replaceWith(outcome);
        }

        /** Whether {@code outcome} is the one this completion wrote (in a transaction that then committed). */
        boolean stored(Outcome<?> outcome) {
            return stored == outcome;
        }
    }

    /** The key was taken (a committed twin, an expired answer, another endpoint) when the answer claimed it at the end. */
    public static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super("Idempotency-Key already taken", null, false, false);
        }
    }

    /**
     * Claims the key and stores the answer in one insert at the end of the create's own transaction
     * ({@link #runClaimingAtEnd}); a key already there (a twin that committed first blocks this insert until it
     * does) inserts nothing, and the create rolls back.
     */
    private static final String CLAIM_DONE = """
            insert into idempotency_key (tenant_id, caller, key, request_hash, state, status, response)
            values ($1, $2, $3, $4, 'DONE', $5, $6) on conflict do nothing""";
    private static final String DONE = """
            update idempotency_key set state = 'DONE', status = $3, response = $4
            where tenant_id = $1 and caller = $5 and key = $2""";
    /** {@link #DONE} in Hibernate's native-query form (the answer arrives as JSON text). */
    private static final String DONE_ON_SESSION = """
            update idempotency_key set state = 'DONE', status = ?3, response = cast(cast(?4 as text) as jsonb)
            where tenant_id = ?1 and caller = ?5 and key = ?2""";
    private static final String CLAIM = """
            insert into idempotency_key (tenant_id, caller, key, request_hash, state) values ($1, $2, $3, $4, 'PENDING')
            on conflict do nothing""";
    private static final String FIND = """
            select request_hash, state, status, response,
                   created_at < now() - interval '24 hours' as expired,
                   created_at < now() - interval '60 seconds' as stale
            from idempotency_key where tenant_id = $1 and caller = $2 and key = $3""";
    private static final String DELETE_EXPIRED = """
            delete from idempotency_key where tenant_id = $1 and caller = $2 and key = $3
            and created_at < now() - interval '24 hours'""";
    private static final String TAKE_OVER_STALE = """
            update idempotency_key set created_at = now() where tenant_id = $1 and caller = $2 and key = $3
            and state = 'PENDING' and created_at < now() - interval '60 seconds'""";
    /** Answers are kept 24 hours; after that a key may be used again. */
    private static final String PURGE = """
            delete from idempotency_key where created_at < now() - interval '24 hours'""";

    private static final String RELEASE = """
            delete from idempotency_key where tenant_id = $1 and caller = $2 and key = $3 and state = 'PENDING'""";

    /**
     * {@link #run} for actions that can store their answer in their own transaction with the {@link Completion}
     * they are given. An answer the action did not store that way (another path, another transaction) is stored
     * afterwards as {@link #run} does.
     */
    public <T> Uni<Outcome<T>> runRecording(Caller caller, String key, String operation, Object request, Class<T> type,
                                            java.util.function.Function<Completion, Uni<Outcome<T>>> recordingAction) {
        Completion completion = new Completion(this, caller.tenant(), scopeOf(caller), key, null);
        Supplier<Uni<Outcome<T>>> action = () -> recordingAction.apply(completion);
        if (key == null) {
            return action.get();
        }
        String hash;
        try {
            hash = checkedHash(key, operation, request);
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        return attempt(caller.tenant(), scopeOf(caller), key, hash, type, action, completion, 0);
    }

    /**
     * {@link #runRecording} without the PENDING claim committed before the action: the action runs at once in its own
     * transaction and must end it with {@link Completion#record(SqlClient, Outcome)}, whose insert claims the key and
     * stores the answer together (one statement and one commit fewer per create; order placement uses it). If the key
     * turns out to be taken ({@link KeyTaken}), or the action fails on a duplicate for which {@code duplicate} answers
     * true (its own rows' unique key), the action's transaction has rolled back and the request goes the
     * {@link #runRecording} way: the stored answer is replayed, a different body is IDEMPOTENCY_KEY_REUSED, an expired
     * key runs again. Exactly one of concurrent twins commits; the others replay its answer.
     */
    public <T> Uni<Outcome<T>> runClaimingAtEnd(Caller caller, String key, String operation, Object request, Class<T> type,
                                                java.util.function.Predicate<Throwable> duplicate,
                                                java.util.function.Function<Completion, Uni<Outcome<T>>> recordingAction) {
        if (key == null) {
            return runRecording(caller, null, operation, request, type, recordingAction);
        }
        String hash;
        try {
            hash = checkedHash(key, operation, request);
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        Completion claiming = new Completion(this, caller.tenant(), scopeOf(caller), key, hash);
        Uni<Outcome<T>> first;
        try {
            first = recordingAction.apply(claiming);
        } catch (RuntimeException e) {
            first = Uni.createFrom().failure(e);
        }
        return first.onFailure(t -> t instanceof KeyTaken || duplicate.test(t))
                .recoverWithUni(() -> runRecording(caller, key, operation, request, type, recordingAction));
    }

    private <T> Uni<Outcome<T>> attempt(String tenant, String scope, String key, String hash, Class<T> type,
                                        Supplier<Uni<Outcome<T>>> action, Completion completion, int round) {
        if (round > MAX_ROUNDS) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                    "a request with this Idempotency-Key is still running; retry shortly"));
        }
        return db.query(CLAIM, Tuple.of(tenant, scope, key, hash))
                .flatMap(inserted -> {
                    if (inserted.rowCount() == 1) {
                        return execute(tenant, scope, key, action, completion);
                    }
                    return db.one(FIND, Tuple.of(tenant, scope, key), r -> r)
                            .flatMap(found -> {
                                if (found.isEmpty()) {
                                    return attempt(tenant, scope, key, hash, type, action, completion, round + 1);
                                }
                                Row row = found.get();
                                if (row.getBoolean("expired")) {
                                    return db.query(DELETE_EXPIRED, Tuple.of(tenant, scope, key))
                                            .flatMap(x -> attempt(tenant, scope, key, hash, type, action, completion, round + 1));
                                }
                                if (!hash.equals(row.getString("request_hash"))) {
                                    return Uni.createFrom().failure(new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                                            "this Idempotency-Key was used with a different request"));
                                }
                                if ("DONE".equals(row.getString("state"))) {
                                    return Uni.createFrom().item(replay(row, type));
                                }
                                if (row.getBoolean("stale")) {
                                    // The first attempt died (process killed) before finishing: take the key over.
                                    return db.query(TAKE_OVER_STALE, Tuple.of(tenant, scope, key))
                                            .flatMap(taken -> taken.rowCount() == 1 ? execute(tenant, scope, key, action, completion)
                                                    : attempt(tenant, scope, key, hash, type, action, completion, round + 1));
                                }
                                return pause().flatMap(x -> attempt(tenant, scope, key, hash, type, action, completion, round + 1));
                            });
                });
    }

    private <T> Uni<Outcome<T>> execute(String tenant, String scope, String key, Supplier<Uni<Outcome<T>>> action, Completion completion) {
        Uni<Outcome<T>> run;
        try {
            run = action.get();
        } catch (RuntimeException e) {
            run = Uni.createFrom().failure(e);
        }
        return run
                .onFailure().call(() -> db.query(RELEASE, Tuple.of(tenant, scope, key)).onFailure().recoverWithNull())
                .flatMap(outcome -> completion.stored(outcome) ? Uni.createFrom().item(outcome)
                        : db.query(DONE, Tuple.of(tenant, key, outcome.status(), toJson(outcome.body()), scope)).replaceWith(outcome));
    }

    private <T> Outcome<T> replay(Row row, Class<T> type) {
        Object response = row.getValue("response");
        String json = response instanceof JsonObject jo ? jo.encode() : String.valueOf(response);
        try {
            return new Outcome<>(row.getInteger("status"), objectMapper.readValue(json, type), true);
        } catch (Exception e) {
            throw new IllegalStateException("stored idempotent response cannot be read", e);
        }
    }

    private JsonObject toJson(Object body) {
        try {
            return new JsonObject(objectMapper.writeValueAsString(body));
        } catch (Exception e) {
            throw new IllegalStateException("response cannot be stored", e);
        }
    }

    private Uni<Void> pause() {
        // A Vert.x timer resumes on the caller's context, which Hibernate Reactive sessions require.
        return Uni.createFrom().emitter(em -> vertx.setTimer(WAIT_MILLIS, id -> em.complete(null)));
    }

    /** The request's hash for a usable key; a key of the wrong length or an unreadable body is a 400. */
    private String checkedHash(String key, String operation, Object request) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ApiException.invalid("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        try {
            return hash(operation, request);
        } catch (Exception e) {
            throw ApiException.invalid("body", "cannot be read");
        }
    }

    String hash(String operation, Object request) throws Exception {
        byte[] body = canonical.writeValueAsBytes(request);
        MessageDigest sha = sha256();
        sha.update(operation.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(body);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }

    @Scheduled(every = "1h", delayed = "5m")
    Uni<Void> purgeExpired() {
        return db.query(PURGE, Tuple.tuple()).replaceWithVoid();
    }
}
