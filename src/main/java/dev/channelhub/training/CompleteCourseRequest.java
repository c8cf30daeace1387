package dev.channelhub.training;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

/** {@code POST /courses/{id}/completions} body and the GraphQL {@code CourseCompletionInput}. */
@Input("CourseCompletionInput")
public record CompleteCourseRequest(
        @NotBlank @Id String channelId,
        @NotBlank @Size(max = 200) String learner,
        @NotNull @Min(0) @Max(100) Integer score) {
}
