package dev.channelhub.policy;

/** Optional body of {@code POST /policies/{id}/acknowledge}: the version the partner read; stale → 412. */
public record AcknowledgeRequest(Integer version) {
}
