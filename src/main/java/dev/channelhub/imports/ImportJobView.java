package dev.channelhub.imports;

import org.eclipse.microprofile.graphql.NonNull;
import java.time.Instant;
import java.util.List;

/** An import job and its progress; {@code errors} lists the first 1,000 rejected rows with their line numbers. */
public record ImportJobView(@NonNull String id, @NonNull String kind, @NonNull String format, @NonNull String status, int processed, int succeeded, int failed,
                            @NonNull List<RowError> errors, String message, @NonNull Instant createdAt, Instant startedAt, Instant finishedAt) {

    public record RowError(long line, String code, String field, String message) {
    }
}
