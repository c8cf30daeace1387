package dev.channelhub.training;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** A recorded attempt at a course; {@code certification} is set when it passed. */
@Type("CourseCompletion")
public record CompletionView(
        @NonNull @Id String id,
        @NonNull @Id String courseId,
        @NonNull String courseCode,
        @NonNull @Id String channelId,
        @NonNull String learner,
        int score,
        boolean passed,
        @NonNull Instant completedAt,
        CertificationView certification) {
}
