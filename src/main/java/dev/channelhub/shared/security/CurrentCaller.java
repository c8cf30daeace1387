package dev.channelhub.shared.security;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Builds the {@link Caller} of the current request from its verified JWT. */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityIdentity identity;

    @Inject
    VerifiedTokens tokens;

    private Caller cached;

    public Caller get() {
        if (cached == null) {
            cached = resolve();
        }
        return cached;
    }

    /** When the caller's token stops being valid (its {@code exp}); empty for a token without one. */
    public Optional<Instant> expiresAt() {
        get();
        JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
        long exp = jwt.getExpirationTime();
        return exp > 0 ? Optional.of(Instant.ofEpochSecond(exp)) : Optional.empty();
    }

    private Caller resolve() {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "a valid bearer token is required");
        }
        return tokens.callerOf(jwt, CurrentCaller::derive);
    }

    /** Roles come from the token's groups (no augmentor adds any), so a token always derives the same caller. */
    static Caller derive(JsonWebToken jwt) {
        String tenant = claim(jwt, "tenant");
        if (tenant == null || tenant.isBlank()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "the token has no tenant claim");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : jwt.getGroups() == null ? Set.<String>of() : jwt.getGroups()) {
            for (Role r : Role.values()) {
                if (r.claim().equals(group)) {
                    roles.add(r);
                }
            }
        }
        if (roles.isEmpty()) {
            // AccessGate refuses such tokens over HTTP already; this covers GraphQL over WebSocket (connection_init).
            throw new ApiException(ErrorCode.FORBIDDEN, "the token's groups hold no role of this API");
        }
        UUID channel = null;
        String channelClaim = claim(jwt, "channel");
        if (channelClaim != null && !channelClaim.isBlank()) {
            try {
                channel = UUID.fromString(channelClaim);
            } catch (IllegalArgumentException e) {
                throw new ApiException(ErrorCode.UNAUTHENTICATED, "the token's channel claim is not a channel id");
            }
        }
        if (roles.contains(Role.PARTNER) && channel == null) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "a partner token needs a channel claim");
        }
        String subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
        return Caller.of(tenant, subject == null ? "unknown" : subject, roles, channel);
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value == null) {
            return null;
        }
        if (value instanceof jakarta.json.JsonString js) {
            return js.getString();
        }
        return value.toString();
    }
}
