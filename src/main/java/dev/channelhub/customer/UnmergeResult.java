package dev.channelhub.customer;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The customer the source was merged into, and the source restored as ACTIVE. */
@Type("UnmergeResult")
public record UnmergeResult(@NonNull CustomerView customer, @NonNull CustomerView restored) {
}
