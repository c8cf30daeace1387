package dev.channelhub.order;

import org.eclipse.microprofile.graphql.Enum;

/** Where a payment proof stands: submitted by the partner, then accepted (payment recorded) or rejected by finance. */
@Enum("PaymentProofStatus")
public enum PaymentProofStatus {
    SUBMITTED, ACCEPTED, REJECTED
}
