package dev.channelhub.imports;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import java.time.Instant;
import java.util.List;

/** An import job and its progress; {@code errors} lists the first 1,000 rejected rows with their line numbers. */
@Type("ImportJob")
public record ImportJobView(@NonNull @Id String id, @NonNull String kind, @NonNull String format, @NonNull String status, int processed, int succeeded, int failed,
                            @NonNull List<RowError> errors, String message, @NonNull Instant createdAt, Instant startedAt, Instant finishedAt) {

    @Type("ImportRowError")
    public record RowError(long line, String code, String field, String message) {
    }
}
