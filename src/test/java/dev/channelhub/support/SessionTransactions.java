package dev.channelhub.support;

import dev.channelhub.shared.idempotency.IdempotencyService;
import dev.channelhub.shared.idempotency.IdempotencyService.Completion;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.persistence.Db;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What the rollback tests of the shared Hibernate Reactive transaction have in common ({@code shared/SessionTransactionTest}
 * and the {@code *SessionTransactionTest} classes, docs/DEVELOPING.md "One transaction for an entity write, its event and its
 * idempotency answer"): a caller of a fresh tenant, a use case run the way the services run it (the idempotency key claimed,
 * then one {@code Panache.withTransaction} whose writes and answer go through the session), a failure thrown after
 * everything was written, and counts read on the pool afterwards. Each test keeps its own assertions.
 */
public final class SessionTransactions {

    private SessionTransactions() {
    }

    /** A caller of a new tenant with this one role. */
    public static Caller newCaller(Role role) {
        return Caller.of(Tokens.newTenant(), "tester", Set.of(role), null);
    }

    /**
     * A use case in the services' shape: {@code idempotency.runRecording} around one Hibernate Reactive transaction in which
     * {@code work} writes through the session and records the answer with the {@link Completion}.
     */
    public static <T> Uni<Outcome<T>> inOneTransaction(IdempotencyService idempotency, Caller caller, String key, String operation,
                                                       Object request, Class<T> type,
                                                       BiFunction<Mutiny.Session, Completion, Uni<Outcome<T>>> work) {
        return idempotency.runRecording(caller, key, operation, request, type,
                completion -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> work.apply(session, completion))));
    }

    /**
     * For {@code .invoke(...)} at the end of a use case: when {@code fail}, throws an {@link IllegalStateException} with
     * {@code message} after everything was written, so the transaction rolls back.
     */
    public static Consumer<Object> failAtTheEndIf(boolean fail, String message) {
        return written -> {
            if (fail) {
                throw new IllegalStateException(message);
            }
        };
    }

    /** Runs the use case on a Vert.x context and waits for its outcome. */
    public static <T> Outcome<T> run(Supplier<Uni<Outcome<T>>> useCase) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(useCase);
    }

    /** Runs the use case, which must fail with the {@link #failAtTheEndIf} failure carrying {@code message}. */
    public static <T> void assertFailsAtTheEnd(String message, Supplier<Uni<T>> useCase) {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> VertxContextSupport.subscribeAndAwait(useCase));
        assertEquals(message, failure.getMessage());
    }

    /** A {@code count(*)} statement's answer, read on the pool (outside the use case's transaction). */
    public static long count(Db db, String sql, Object... args) {
        return db.pool().preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().iterator().next().getLong(0);
    }
}
