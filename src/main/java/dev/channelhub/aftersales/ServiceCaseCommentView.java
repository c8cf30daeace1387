package dev.channelhub.aftersales;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Type("ServiceCaseComment")
@Schema(description = "A comment on a service case")
public record ServiceCaseCommentView(@NonNull @Id String id, @NonNull @Id String caseId, @NonNull String body, String author,
                                     @NonNull Instant createdAt) {
}
