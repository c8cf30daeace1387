package dev.channelhub.customer;

/** How a customer is recognised; EXTERNAL values are {@code "<system>:<id>"}. */
public enum IdentityKind {
    PHONE, EMAIL, WECHAT, EXTERNAL
}
