package dev.channelhub.customer;

public enum TouchpointKind {
    VISIT, INQUIRY, CALL, PURCHASE, SERVICE, CAMPAIGN
}
