package dev.channelhub.sellthrough;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

/** {@code POST /channels/{id}/sell-out} and GraphQL {@code ReportSellOutInput}; larger files go to {@code /imports/sell-out}. */
@Input("ReportSellOutInput")
public record ReportSellOutRequest(
        @NotNull @NotEmpty @Size(max = SellThroughService.MAX_LINES) List<@NotNull @Valid SellOutLineRequest> lines) {
}
