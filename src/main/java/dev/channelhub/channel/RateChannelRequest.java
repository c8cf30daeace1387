package dev.channelhub.channel;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

/** {@code POST /channels/{id}/ratings}: a period's rating (评级), which sets the channel's tier. */
@Input("RateChannelInput")
public record RateChannelRequest(
        @NotBlank @Size(max = 32) String period,
        @NotNull @Min(0) @Max(100) Integer score,
        @NotBlank @Size(max = 64) String tier,
        @Size(max = 2000) String notes) {
}
