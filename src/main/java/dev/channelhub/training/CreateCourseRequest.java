package dev.channelhub.training;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

/** {@code POST /courses} body and the GraphQL {@code CreateCourseInput}. */
@Input("CreateCourseInput")
public record CreateCourseRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "letters, digits, '.', '_' and '-' only")
        String code,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @Size(max = 50) List<@Valid CourseMaterialInput> materials,
        @NotNull @Min(0) @Max(100) Integer passingScore,
        @Min(1) @Max(3650) Integer certificationValidDays) {
}
