package dev.channelhub.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channelhub.shared.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * Writes one imported row through the owning feature's service, so each row is validated and authorised
 * exactly like the single-row API. A failure (ApiException) is reported against the row's line.
 */
public interface ImportRowHandler {

    /** The path segment: {@code channels}, {@code customers}, {@code products}, {@code price-entries}, {@code stock}. */
    String kind();

    Uni<Void> apply(Caller caller, ObjectNode row);

    /** Whether a partner may upload this kind (its rows then act for its own channel only, as the single-row API does). */
    default boolean partnersMayUpload() {
        return false;
    }
}
