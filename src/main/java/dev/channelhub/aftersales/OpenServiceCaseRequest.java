package dev.channelhub.aftersales;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /service-cases}: at least one of orderId, customerId, channelId decides the serving channel. */
@Input("OpenServiceCaseInput")
@Schema(description = "A new service case; routed to the order's channel, else the customer's owner channel, else channelId")
public record OpenServiceCaseRequest(
        @Id String customerId,
        @Id String orderId,
        @Id String channelId,
        @NonNull @NotNull ServiceCategory category,
        @Description("Default NORMAL") ServicePriority priority,
        @NonNull @NotBlank @Size(max = 200) String subject,
        @NonNull @NotBlank @Size(max = 4000) String description) {
}
