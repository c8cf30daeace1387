package dev.channelhub.shared.security;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: tenant, user and roles from the token, and for partners their own channel.
 * Services take it explicitly, so the tenant never comes from a request body.
 */
public record Caller(String tenant, String subject, Set<Role> roles, UUID partnerChannelId) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    /** A partner with no broader role: scoped to its own channel (and what hangs below it). */
    public boolean isPartnerOnly() {
        return roles.contains(Role.PARTNER) && !hasAny(Role.ADMIN, Role.MANAGER, Role.SALES, Role.INTEGRATION);
    }

    /** Fails with FORBIDDEN unless the caller has one of {@code allowed}; admin may do everything. */
    public Caller require(Role... allowed) {
        if (roles.contains(Role.ADMIN) || hasAny(allowed)) {
            return this;
        }
        throw new ApiException(ErrorCode.FORBIDDEN, "role " + describeRoles() + " may not do this");
    }

    private String describeRoles() {
        return roles.isEmpty() ? "(none)" : roles.stream().map(Role::claim).sorted().reduce((a, b) -> a + "," + b).orElse("");
    }

    public static Caller of(String tenant, String subject, Set<Role> roles, UUID partnerChannelId) {
        return new Caller(tenant, subject, roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles), partnerChannelId);
    }
}
