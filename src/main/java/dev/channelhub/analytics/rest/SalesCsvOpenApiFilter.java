package dev.channelhub.analytics.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** {@code GET /analytics/sales} answers {@code text/csv} too (the whole report, streamed): the second media type of its 200. */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class SalesCsvOpenApiFilter implements OASFilter {

    public static final String TEXT_CSV = "text/csv";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        PathItem item = openAPI.getPaths().getPathItem("/api/v1/analytics/sales");
        Operation get = item == null ? null : item.getGET();
        if (get == null || get.getResponses() == null) {
            return;
        }
        APIResponse ok = get.getResponses().getAPIResponse("200");
        if (ok == null || ok.getContent() == null) {
            return;
        }
        ok.getContent().addMediaType(TEXT_CSV, OASFactory.createMediaType().schema(OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING)
                .description("Every row of the report (no paging) as CSV (RFC 4180, CRLF): a header line key,label[,thenKey,thenLabel],"
                        + "currency,orders,units,revenue,averageOrderValue, then one line per row; text cells starting with = + - @ "
                        + "are prefixed with '.")));
    }
}
