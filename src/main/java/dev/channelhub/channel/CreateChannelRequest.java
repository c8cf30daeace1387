package dev.channelhub.channel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.math.BigDecimal;

/** {@code POST /channels} body and the GraphQL {@code CreateChannelInput}. */
@Input("CreateChannelInput")
public record CreateChannelRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "letters, digits, '.', '_' and '-' only") String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull ChannelType type,
        @Size(max = 64) String region,
        String parentId,
        @Size(max = 64) String tier,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal creditLimit,
        @Size(min = 3, max = 3) String currency,
        @Valid ContactView contact) {
}
