package dev.channelhub.shared.persistence;

import io.smallrye.mutiny.Uni;

/**
 * Data kept from the outbox after the change committed (the sales rollups: analytics/SalesRollupFeed). A reader of
 * such data calls {@link #catchUp()} first, so what it reads includes every change committed before it. Declared here
 * so features below the one that keeps the data (targets read the rollups) can call it without importing it.
 */
public interface DerivedReads {

    /** Applies what is pending (waiting for another instance's batch in progress); one statement. */
    Uni<Void> catchUp();
}
