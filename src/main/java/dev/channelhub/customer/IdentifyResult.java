package dev.channelhub.customer;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** {@code created}: a new customer (201); otherwise the match (200), with the ids merged into it. */
@Type("IdentifyResult")
public record IdentifyResult(boolean created, @NonNull CustomerView customer, @NonNull List<@NonNull String> mergedFrom) {
}
