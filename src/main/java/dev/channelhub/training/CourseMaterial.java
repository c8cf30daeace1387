package dev.channelhub.training;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One material of a course as answers show it: a name and where to find it. */
@Type("CourseMaterial")
public record CourseMaterial(@NonNull String name, @NonNull String url) {
}
