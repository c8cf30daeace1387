package dev.channelhub.analytics.survey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

/** {@code POST /surveys/nps}: one answer to "how likely are you to recommend us?" (0–10). */
@Input("RecordNpsInput")
public record RecordNpsRequest(
        @NotBlank String channelId,
        String customerId,
        @NotNull @Min(0) @Max(10) Integer score,
        @Size(max = 2000) String comment) {
}
