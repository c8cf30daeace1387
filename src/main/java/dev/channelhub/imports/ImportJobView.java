package dev.channelhub.imports;

import java.time.Instant;
import java.util.List;

/** An import job and its progress; {@code errors} lists the first 1,000 rejected rows with their line numbers. */
public record ImportJobView(String id, String kind, String format, String status, int processed, int succeeded, int failed,
                            List<RowError> errors, String message, Instant createdAt, Instant startedAt, Instant finishedAt) {

    public record RowError(long line, String code, String field, String message) {
    }
}
