package dev.channelhub.training;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** A learner's certification for a course, held by the learner's channel until {@code expiresAt}. */
@Type("Certification")
public record CertificationView(
        @NonNull @Id String id,
        @NonNull @Id String courseId,
        @NonNull String courseCode,
        @NonNull @Id String channelId,
        @NonNull String learner,
        int score,
        @NonNull Instant certifiedAt,
        Instant expiresAt,
        boolean valid) {
}
