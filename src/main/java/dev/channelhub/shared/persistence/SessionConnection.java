package dev.channelhub.shared.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.pool.impl.SqlClientConnection;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;

/**
 * The Vert.x connection a Hibernate Reactive session runs its transaction on, for a use case that changes an entity
 * and must also run pool-style statements of other features ({@code Db.query(conn, ...)}, e.g. a return's receive
 * moving stock and its refund moving the order's money) in the <b>same</b> transaction.
 * <p>
 * Hibernate Reactive does not hand its connection out (hibernate-reactive#2156 declined {@code withConnection()}), so
 * this reaches it through the session's {@code getReactiveConnection()} and the connection wrappers of Hibernate
 * Reactive 3.2 ({@code SqlClientPool.ProxyConnection}, {@code BatchingConnection}) down to {@code SqlClientConnection}'s
 * Vert.x connection. Statements sent on it are inside the session's transaction (begun on that connection) and are
 * counted by {@link Db} as usual (Hibernate does not see them, so they are not counted twice). Flush the session before
 * such a statement reads a row the session changed. A Hibernate Reactive upgrade that renames these fields fails
 * {@code aftersales/ReturnSessionTransactionTest} (and every return write) with an {@link IllegalStateException}.
 */
public final class SessionConnection {

    private SessionConnection() {
    }

    /** The session's connection (opened by its transaction), for {@code Db.query/list/one/batch}. */
    public static Uni<SqlConnection> of(Mutiny.Session session) {
        return Uni.createFrom().deferred(() -> {
            Object connection = invoke(session, "getReactiveConnection");
            return unwrap(connection, 0);
        });
    }

    private static Uni<SqlConnection> unwrap(Object connection, int depth) {
        if (depth > 8 || connection == null) {
            throw new IllegalStateException("no Vert.x connection behind the Hibernate Reactive session");
        }
        if (connection instanceof SqlClientConnection sql) {
            return Uni.createFrom().item(SqlConnection.newInstance((io.vertx.sqlclient.SqlConnection) field(sql, "connection")));
        }
        Object opened = fieldOrNull(connection, "connectionFuture"); // SqlClientPool.ProxyConnection: opened on first use
        if (opened instanceof CompletionStage<?> future) {
            return Uni.createFrom().completionStage(future).flatMap(c -> unwrap(c, depth + 1));
        }
        return unwrap(field(connection, "delegate"), depth + 1); // BatchingConnection
    }

    private static Object invoke(Object target, String method) {
        try {
            Method m = target.getClass().getMethod(method);
            m.setAccessible(true);
            return m.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot reach the connection of " + target.getClass().getName(), e);
        }
    }

    private static Object field(Object target, String name) {
        Object value = fieldOrNull(target, name);
        if (value == null) {
            throw new IllegalStateException("no field " + name + " in " + target.getClass().getName());
        }
        return value;
    }

    private static Object fieldOrNull(Object target, String name) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("cannot read " + name + " of " + target.getClass().getName(), e);
            }
        }
        return null;
    }
}
