package dev.channelhub.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.ErrorCode;
import dev.channelhub.shared.error.Problem;
import dev.channelhub.shared.web.RequestIds;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Per-tenant and per-partner request rate limits on {@code /api/v1} and {@code /graphql} (issue 21): one token
 * bucket (Bucket4j) per tenant and one per partner channel, refilled evenly over the configured period
 * ({@link RateLimitConfig}). Every limited answer carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and
 * {@code RateLimit-Reset} (seconds until the bucket is full again) of the tighter bucket; a refused one is
 * {@code 429 RATE_LIMITED} with {@code Retry-After} (seconds until the next request is allowed), problem+json over
 * REST and a coded error over GraphQL. Buckets live per instance in a bounded map (idle ones are dropped after
 * ten minutes, which is the same as a full bucket). Runs after {@link AccessGate}, so unauthenticated and
 * role-less calls are answered before they cost anyone's budget.
 */
@ApplicationScoped
public class RateLimits {

    static final int ORDER = AccessGate.ORDER + 10;

    private final RateLimitConfig config;
    private final VerifiedTokens tokens;
    private final ObjectMapper mapper;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    public RateLimits(RateLimitConfig config, VerifiedTokens tokens, ObjectMapper mapper) {
        this.config = config;
        this.tokens = tokens;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        if (config.enabled()) {
            router.route().order(ORDER).handler(this::check);
        }
    }

    private void check(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean api = path.startsWith("/api/");
        boolean graphql = path.equals("/graphql") || path.equals("/graphql/");
        if (!api && !graphql || ctx.request().method() == HttpMethod.OPTIONS
                || !(ctx.user() instanceof QuarkusHttpUser user)) {
            ctx.next();
            return;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            ctx.next();
            return;
        }
        Caller caller;
        try {
            caller = tokens.callerOf(jwt, CurrentCaller::derive);
        } catch (ApiException e) {
            ctx.next(); // the resource answers it (no tenant claim, ...)
            return;
        }
        ConsumptionProbe probe;
        RateLimitConfig.Bucket limit;
        String scope;
        if (caller.isPartnerOnly() && caller.partnerChannelId() != null) {
            limit = config.partner();
            scope = "partner channel";
            probe = bucket("p\u0000" + caller.tenant() + "\u0000" + caller.partnerChannelId(), limit).tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                ConsumptionProbe tenant = bucket("t\u0000" + caller.tenant(), config.tenant()).tryConsumeAndReturnRemaining(1);
                if (!tenant.isConsumed()) {
                    probe = tenant;
                    limit = config.tenant();
                    scope = "tenant";
                }
            }
        } else {
            limit = config.tenant();
            scope = "tenant";
            probe = bucket("t\u0000" + caller.tenant(), limit).tryConsumeAndReturnRemaining(1);
        }
        var response = ctx.response();
        response.putHeader("RateLimit-Limit", Long.toString(limit.limit()));
        response.putHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        response.putHeader("RateLimit-Reset", Long.toString(seconds(probe.getNanosToWaitForReset())));
        if (probe.isConsumed()) {
            ctx.next();
            return;
        }
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        response.putHeader("Retry-After", Long.toString(retryAfter));
        String detail = "the " + scope + "'s request rate is over its limit of " + limit.limit() + " per " + limit.period()
                + "; retry after " + retryAfter + " s";
        try {
            if (graphql) {
                response.setStatusCode(429).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(mapper.writeValueAsString(Map.of("errors", List.of(Map.of("message", detail, "extensions",
                                Map.of("code", ErrorCode.RATE_LIMITED.name(), "classification", ErrorCode.RATE_LIMITED.name(),
                                        "requestId", RequestIds.of(ctx)))))));
            } else {
                response.setStatusCode(429).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .end(mapper.writeValueAsString(Problem.of(ErrorCode.RATE_LIMITED, detail, List.of())));
            }
        } catch (Exception e) {
            ctx.fail(e);
        }
    }

    private Bucket bucket(String key, RateLimitConfig.Bucket limit) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.limit()).refillGreedy(limit.limit(), limit.period()).build())
                .build());
    }

    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
