package dev.channelhub.events;

import dev.channelhub.shared.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Applies {@link WebhookTargetGuard} with this instance's configuration: literal addresses at registration, every
 * resolved address at delivery. The delivery connects to the address checked here, so DNS cannot change its answer
 * between the check and the connection.
 */
@ApplicationScoped
public class WebhookTargets {

    /** Said to API clients and stored in the delivery log; never names the address (it may be an internal one). */
    public static final String NOT_ALLOWED = "address not allowed: webhooks may only reach public addresses";

    private final WebhookTargetGuard guard;
    private final HostResolver resolver;

    @Inject
    WebhookTargets(WebhookConfig config, HostResolver resolver) {
        this(config.allowPrivateTargets(), config.allowedTargetRanges(), resolver);
    }

    WebhookTargets(boolean allowPrivate, Optional<List<String>> allowedRanges, HostResolver resolver) {
        this.guard = allowPrivate ? WebhookTargetGuard.permissive() : WebhookTargetGuard.of(allowedRanges.orElse(List.of()));
        this.resolver = resolver;
    }

    /** A URL whose host is a literal address that may not be reached → 400 on {@code field}. Host names pass (no DNS here). */
    void checkLiteral(String host, String field) {
        Optional<InetAddress> literal;
        try {
            literal = WebhookTargetGuard.literal(host);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "host " + e.getMessage());
        }
        if (literal.isPresent() && !guard.permits(literal.get())) {
            throw ApiException.invalid(field, NOT_ALLOWED);
        }
    }

    /** Resolves {@code host} once; every address must be allowed. Returns the one to connect to. Blocks. */
    InetAddress resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        Optional<InetAddress> literal;
        try {
            literal = WebhookTargetGuard.literal(host);
        } catch (IllegalArgumentException e) {
            throw new NotAllowed();
        }
        InetAddress[] addresses = literal.isPresent() ? new InetAddress[]{literal.get()} : resolver.resolve(bare);
        if (addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress a : addresses) {
            if (!guard.permits(a)) {
                throw new NotAllowed();
            }
        }
        return addresses[0];
    }

    /** A target refused by the guard. Its message never carries the address. */
    static final class NotAllowed extends RuntimeException {
        NotAllowed() {
            super(NOT_ALLOWED, null, false, false);
        }
    }
}
