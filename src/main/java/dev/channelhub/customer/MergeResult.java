package dev.channelhub.customer;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** The survivor of a merge and the ids that were merged into it. */
@Type("MergeResult")
public record MergeResult(@NonNull CustomerView customer, @NonNull List<@NonNull String> mergedFrom) {
}
