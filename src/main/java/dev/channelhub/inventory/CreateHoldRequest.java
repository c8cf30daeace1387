package dev.channelhub.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

/** {@code POST /stock/holds}: reserve stock for a cart for {@code ttlSeconds} (default 900, at most a day). */
@Input("CreateHoldInput")
public record CreateHoldRequest(
        @NotBlank String channelId,
        @NotEmpty @Size(max = 200) List<@NotNull @Valid StockLineRequest> lines,
        @Min(1) @Max(86_400) Integer ttlSeconds) {
}
