package dev.channelhub.support;

/**
 * Marks a {@code QuarkusTestProfile} whose tests need a streaming replica of the test database: for such a profile
 * {@link EmbeddedPostgresResource} also starts a {@link StreamingReplica} and points
 * {@code channelhub.datasource.read-url} at it (its port in {@code channelhub.test.replica-port}). Only those tests pay
 * for the second server.
 */
public interface WithReplica {
}
