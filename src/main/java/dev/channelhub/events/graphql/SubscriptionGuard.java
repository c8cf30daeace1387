package dev.channelhub.events.graphql;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.security.Caller;
import dev.channelhub.shared.security.CurrentCaller;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The rules every GraphQL subscription follows. A WebSocket connection keeps one request context for its whole life
 * (SmallRye runs each of its operations in it), so this bean counts the connection's live subscriptions:
 * <ul>
 *   <li>at most {@code channelhub.graphql.max-subscriptions-per-connection} at once; one more is refused with
 *   LIMIT_EXCEEDED (the others go on);</li>
 *   <li>a subscription ends when its token expires: a last message carries UNAUTHENTICATED, then {@code complete}
 *   (the token may also come in {@code connection_init}; see application.properties).</li>
 * </ul>
 */
@RequestScoped
public class SubscriptionGuard {

    private final AtomicInteger open = new AtomicInteger();

    @Inject
    CurrentCaller caller;

    @ConfigProperty(name = "channelhub.graphql.max-subscriptions-per-connection", defaultValue = "10")
    int maxPerConnection;

    public <T> Multi<T> guard(Function<Caller, Multi<T>> subscription) {
        Caller who = caller.get();
        if (open.incrementAndGet() > maxPerConnection) {
            open.decrementAndGet();
            throw new ApiException(ErrorCode.LIMIT_EXCEEDED, "at most " + maxPerConnection
                    + " subscriptions per connection; complete one before starting another");
        }
        Multi<T> events;
        try {
            events = subscription.apply(who);
        } catch (RuntimeException e) {
            open.decrementAndGet();
            throw e;
        }
        Instant expiry = caller.expiresAt().orElse(null);
        Multi<T> bounded = expiry == null ? events : Multi.createBy().merging().streams(events, expiry(expiry));
        return bounded.onTermination().invoke(open::decrementAndGet);
    }

    private static <T> Multi<T> expiry(Instant at) {
        Duration wait = Duration.between(Instant.now(), at);
        return Multi.createFrom().ticks().startingAfter(wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait)
                .every(Duration.ofDays(1)).select().first()
                .onItem().<T>transformToUniAndConcatenate(tick -> io.smallrye.mutiny.Uni.createFrom().failure(
                        new ApiException(ErrorCode.UNAUTHENTICATED, "the token has expired; subscribe again with a new one")));
    }
}
