package dev.channelhub.shared.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts every statement Hibernate Reactive sends into the same {@code channelhub.sql.statements} counter that
 * {@link Db} increments, so the statement-count tests ({@code support/SqlCounter}) see entity reads and writes too.
 * Statements run outside an HTTP request (scheduled sweeps, imports, webhook delivery, all on Panache now) go to
 * {@code channelhub.sql.background.statements} instead, as {@link Db#background()} does for the pool; which is which
 * is told by the Vert.x context the statement is sent from ({@link RequestContexts}).
 * <p>
 * Hibernate Reactive has no statement listener of its own (a {@code StatementInspector} is not applied on its
 * connections), but every statement it runs, entity or native, passes {@code SqlClientConnection.feedback}, which logs
 * it to the {@code org.hibernate.SQL} category at DEBUG. That category is switched to DEBUG with no parent handlers in
 * {@code application.properties}, and this handler counts its records and prints nothing.
 */
@Startup
@ApplicationScoped
public class HibernateStatements {

    static final String CATEGORY = "org.hibernate.SQL";

    private final MeterRegistry registry;

    public HibernateStatements(MeterRegistry registry) {
        this.registry = registry;
    }

    @PostConstruct
    void install() {
        Counter statements = registry.counter("channelhub.sql.statements");
        Counter background = registry.counter("channelhub.sql.background.statements");
        Logger logger = Logger.getLogger(CATEGORY);
        for (Handler h : logger.getHandlers()) {
            if (h instanceof CountingHandler) {
                logger.removeHandler(h); // a restarted application in the same JVM (tests, dev mode)
            }
        }
        logger.addHandler(new CountingHandler(statements, background));
    }

    private static final class CountingHandler extends Handler {
        private final Counter statements;
        private final Counter background;

        CountingHandler(Counter statements, Counter background) {
            this.statements = statements;
            this.background = background;
        }

        @Override
        public void publish(LogRecord record) {
            // Logged from SqlClientConnection when the statement is sent, on the session's own context.
            (RequestContexts.inRequest() ? statements : background).increment();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
