package dev.channelhub.training;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

/** A material in {@code POST /courses}: a name and an http(s) URL. */
@Input("CourseMaterialInput")
public record CourseMaterialInput(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url) {
}
