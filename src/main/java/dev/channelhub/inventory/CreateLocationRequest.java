package dev.channelhub.inventory;

import io.smallrye.graphql.api.Nullable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

/** {@code POST /locations} body and the GraphQL {@code CreateLocationInput}. */
@Input("CreateLocationInput")
public record CreateLocationRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "letters, digits, '.', '_' and '-' only") String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull LocationType type,
        @Size(max = 64) String region,
        @Nullable @Size(max = 1000) List<@NotNull String> channelIds,
        @Min(-1_000_000) @Max(1_000_000) Integer priority) {
}
