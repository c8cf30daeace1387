package dev.channelhub.imports.graphql;

import dev.channelhub.imports.ImportJobView;
import dev.channelhub.imports.ImportService;
import dev.channelhub.shared.idempotency.IdempotencyService.Outcome;
import dev.channelhub.shared.paging.PageRequest;
import dev.channelhub.shared.persistence.Ids;
import dev.channelhub.shared.security.CurrentCaller;
import dev.channelhub.shared.web.CodedErrors;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * The GraphQL face of /imports. GraphQL has no file upload in its specification (multipart is a community convention
 * our clients' tools do not share), so submitImport takes the rows inline as a string: the same service, checks,
 * idempotency and background job as POST /imports/{kind}, bounded by the request size. Large files go to REST.
 */
@GraphQLApi
@CodedErrors
public class ImportGraphQL {

    @Inject
    ImportService service;

    @Inject
    CurrentCaller caller;

    @Query("importJobs")
    @Description("The tenant's imports, oldest first. Integrations and managers.")
    public Uni<ImportJobConnection> importJobs(Integer first, String after) {
        return service.list(caller.get(), PageRequest.of(first, after, "first", "after")).map(ImportJobConnection::of);
    }

    @Query("importJob")
    @Description("One import: status, processed, succeeded and failed counts and the first 1,000 rejected rows with their line "
            + "numbers. Integrations and managers; NOT_FOUND for an unknown id.")
    public Uni<ImportJobView> importJob(@NonNull @Id String id) {
        return service.get(caller.get(), Ids.parseOrNotFound(id, "import"));
    }

    @Mutation("submitImport")
    @Blocking // the rows are written to a temporary file, as an upload is
    @Description("Queues an import of rows given inline: kind channels, customers, products, price-entries, stock or sell-out; format csv (a header line "
            + "first) or ndjson (one JSON object per line). Answers the PENDING job at once; rows are then written one by one "
            + "through the same services as the single-row API. Integrations; partners for kind sell-out; VALIDATION_FAILED on an unknown format or "
            + "unreadable content, NOT_FOUND on an unknown kind; idempotencyKey as on POST /imports/{kind}.")
    public Uni<ImportJobView> submitImport(@NonNull String kind, @NonNull String format, @NonNull String content,
                                           String idempotencyKey) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return service.submit(caller.get(), kind, format, "text/plain; charset=UTF-8", new ByteArrayInputStream(bytes), idempotencyKey)
                .map(Outcome::body);
    }
}
