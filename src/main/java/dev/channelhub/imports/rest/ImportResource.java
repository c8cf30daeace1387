package dev.channelhub.imports.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import dev.channelhub.imports.ImportJobView;
import dev.channelhub.imports.ImportService;
import dev.channelhub.shared.paging.Page;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.ApiTags;
import dev.channelhub.shared.web.Http;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

@Path("/api/v1/imports")
@Authenticated
@Tag(name = ApiTags.IMPORTS, description = ApiTags.IMPORTS_TEXT)
public class ImportResource {

    @Inject
    ImportService service;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("/{kind}")
    @Blocking // the body is streamed to disk, which blocks
    // Any media type reaches the method (so authentication answers first); the service accepts CSV or NDJSON only.
    @Consumes("*/*")
    @APIResponse(responseCode = "202", description = "Job accepted (or the original job replayed for a known Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportJobView.class)))
    @Operation(operationId = "submitImport", summary = "Upload rows (NDJSON, or CSV with a header line) for kind channels|customers|products|price-entries|stock|sell-out; "
            + "processed asynchronously, each row through the same service as the single-row API",
            description = "Accepts a file of rows (202) and processes it in the background through the same services as the "
                    + "single-row API. Integrations; partners for kind sell-out (rows for their own channel); 400 on an unknown kind or an unreadable file; Idempotency-Key "
                    + "honoured.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Uni<RestResponse<ImportJobView>> submit(@PathParam("kind") String kind, @QueryParam("format") String format,
                                @HeaderParam("Content-Type") String contentType,
                                @HeaderParam(Http.IDEMPOTENCY_KEY) String idempotencyKey, InputStream body) {
        return service.submit(caller.get(), kind, format, contentType, body, idempotencyKey).map(Http::outcome);
    }

    @GET
    @Path("/jobs/{id}")
    @Operation(operationId = "getImport", summary = "Progress: processed, succeeded, failed and the rejected rows with their line numbers",
            description = "The progress and rejected rows of one import. Integrations and managers; a partner only its own uploads (others 404); 404 for an unknown id.")
    public Uni<ImportJobView> get(@PathParam("id") String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "import"));
    }

    /** The wave-1 path of {@link #get}: still answered so existing integrations keep working, left out of the document. */
    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    @Deprecated
    public Uni<ImportJobView> getAtOldPath(@PathParam("id") String id) {
        return get(id);
    }

    @GET
    @Operation(operationId = "listImports", summary = "List imports",
            description = "The tenant's imports, paged by cursor. Integrations and managers; a partner sees only its own uploads.")
    public Uni<Page<ImportJobView>> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(caller.get(), PageRequest.of(limit, cursor));
    }
}
