package dev.channelhub.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A return of the order as the order view lists it (REST); GraphQL serves the whole return as {@code Order.returns}. */
@Schema(description = "A return (RMA) of the order: id, number and status")
public record OrderReturnRef(String id, String number, String status) {
}
