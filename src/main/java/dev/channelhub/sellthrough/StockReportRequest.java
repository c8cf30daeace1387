package dev.channelhub.sellthrough;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

/** {@code PUT /channels/{id}/stock-reports/{date}}: the whole snapshot of that date (SKUs left out are dropped from it). */
@Input("StockReportInput")
public record StockReportRequest(
        @NotNull @Size(max = SellThroughService.MAX_LINES) List<@NotNull @Valid StockReportLineRequest> lines) {
}
