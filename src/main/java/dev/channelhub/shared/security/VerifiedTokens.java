package dev.channelhub.shared.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Remembers tokens that SmallRye JWT has already verified, until they expire. A client sends the same bearer token
 * with every request, and verifying it again each time (an RSA signature check, a JSON parse and the claim checks)
 * was a fifth of the CPU of a quote. The cache is keyed by the whole token text, so a token with any other
 * signature, header or claim is verified afresh; an entry stops being used at the token's {@code exp}, and tokens
 * without {@code exp} are not cached. The {@link Caller} derived from a cached token is kept beside it.
 * <p>
 * Trade-off: a change of the verification key takes effect for new tokens at once, for cached ones at their
 * expiry (tokens are short-lived; restart to drop them all).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** Bounds memory: past this many tokens, the least recently and frequently used ones go first (Caffeine). */
    static final int MAX_ENTRIES = 10_000;

    @Inject
    DefaultJWTParser parser;

    /** Each entry leaves at its token's {@code exp}; maintenance runs on the calling thread (a few map operations). */
    private final Cache<String, Entry> cache = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).executor(Runnable::run)
            .expireAfter(new Expiry<String, Entry>() {
                @Override
                public long expireAfterCreate(String key, Entry entry, long currentTime) {
                    return TimeUnit.SECONDS.toNanos(Math.max(0, entry.expiresAtSeconds - System.currentTimeMillis() / 1000));
                }

                @Override
                public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
                    return expireAfterCreate(key, entry, currentTime);
                }

                @Override
                public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
                    return currentDuration;
                }
            }).build();

    private static final class Entry {
        final JsonWebToken token;
        final long expiresAtSeconds;
        volatile Caller caller;

        Entry(JsonWebToken token, long expiresAtSeconds) {
            this.token = token;
            this.expiresAtSeconds = expiresAtSeconds;
        }

        boolean live() {
            return System.currentTimeMillis() / 1000 < expiresAtSeconds;
        }
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        Entry hit = cache.getIfPresent(bearerToken);
        if (hit != null) {
            if (hit.live()) {
                return hit.token;
            }
            cache.asMap().remove(bearerToken, hit);
        }
        JsonWebToken verified = parser.parse(bearerToken);
        Object exp = verified.getClaim(Claims.exp.name());
        if (exp instanceof Number seconds && seconds.longValue() > System.currentTimeMillis() / 1000) {
            cache.put(bearerToken, new Entry(verified, seconds.longValue()));
        }
        return verified;
    }

    /**
     * The caller of a verified token, derived once per cached token ({@code derive} reads the claims, which SmallRye
     * answers for custom claims by throwing and catching an exception each time).
     */
    Caller callerOf(JsonWebToken token, Function<JsonWebToken, Caller> derive) {
        String raw = token.getRawToken();
        Entry entry = raw == null ? null : cache.getIfPresent(raw);
        if (entry == null || entry.token != token) {
            return derive.apply(token);
        }
        Caller known = entry.caller;
        if (known == null) {
            known = derive.apply(token);
            entry.caller = known;
        }
        return known;
    }

    int size() {
        cache.cleanUp();
        return (int) cache.estimatedSize();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
