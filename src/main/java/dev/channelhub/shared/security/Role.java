package dev.channelhub.shared.security;

/** The contract's roles (token claim {@code groups}). */
public enum Role {
    ADMIN, MANAGER, SALES, PARTNER, INTEGRATION;

    public String claim() {
        return name().toLowerCase();
    }
}
