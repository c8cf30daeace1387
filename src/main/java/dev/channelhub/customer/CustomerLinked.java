package dev.channelhub.customer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.util.List;
import java.util.UUID;

/**
 * A feature whose rows point at customers (orders, leads, deals, ...) and that takes part in merges:
 * the customer feature calls every implementation inside the merge's (or unmerge's) transaction.
 * Implementations keep the row's original customer so that an unmerge gives back exactly what was the
 * source's own.
 */
public interface CustomerLinked {

    /** Point every row of {@code sources} at {@code survivor}. */
    Uni<Void> merge(SqlClient tx, String tenant, List<UUID> sources, UUID survivor);

    /** Give back to {@code source} the rows that were originally its and now point at {@code survivor}. */
    Uni<Void> unmerge(SqlClient tx, String tenant, UUID source, UUID survivor);
}
