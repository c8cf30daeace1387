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
import java.util.concurrent.ConcurrentHashMap;
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

    /** Bounds memory: when this many tokens are cached the cache starts afresh (cheap, and rare in practice). */
    static final int MAX_ENTRIES = 10_000;

    @Inject
    DefaultJWTParser parser;

    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

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
        Entry hit = cache.get(bearerToken);
        if (hit != null) {
            if (hit.live()) {
                return hit.token;
            }
            cache.remove(bearerToken, hit);
        }
        JsonWebToken verified = parser.parse(bearerToken);
        Object exp = verified.getClaim(Claims.exp.name());
        if (exp instanceof Number seconds && seconds.longValue() > System.currentTimeMillis() / 1000) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
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
        Entry entry = raw == null ? null : cache.get(raw);
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
        return cache.size();
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
