package dev.channelhub.channel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

/** {@code POST /channel-groups}: static members and/or a rule. */
@Input("CreateChannelGroupInput")
public record CreateChannelGroupRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "letters, digits, '.', '_' and '-' only") String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 10000) List<String> memberIds,
        @Valid GroupRule rule) {
}
