package dev.channelhub.training;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

/** A course partners take; passing it ({@code score ≥ passingScore}) certifies the learner's channel. */
@Type("Course")
public record CourseView(
        @NonNull @Id String id,
        @NonNull String code,
        @NonNull String title,
        String description,
        @NonNull List<@NonNull CourseMaterial> materials,
        int passingScore,
        Integer certificationValidDays,
        int version,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt) {
}
