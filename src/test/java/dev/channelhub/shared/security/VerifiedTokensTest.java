package dev.channelhub.shared.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The verified-token cache: what it skips, and what it must never skip. */
class VerifiedTokensTest {

    /** Stands in for SmallRye's parser: "bad*" tokens fail, others carry exp = now + the number after the colon. */
    static final class CountingParser extends DefaultJWTParser {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls.incrementAndGet();
            if (token.startsWith("bad")) {
                throw new ParseException("signature");
            }
            long ttl = Long.parseLong(token.substring(token.indexOf(':') + 1));
            return new Jwt(token, ttl == Long.MIN_VALUE ? 0 : System.currentTimeMillis() / 1000 + ttl);
        }
    }

    record Jwt(String raw, long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return "u";
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of(Claims.raw_token.name(), Claims.exp.name());
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            Map<String, Object> claims = new HashMap<>();
            claims.put(Claims.raw_token.name(), raw);
            if (exp != 0) {
                claims.put(Claims.exp.name(), exp);
            }
            return (T) claims.get(name);
        }
    }

    private static VerifiedTokens tokens(CountingParser parser) {
        VerifiedTokens t = new VerifiedTokens();
        t.parser = parser;
        return t;
    }

    @Test
    void aValidTokenIsVerifiedOnceAndItsCallerDerivedOnce() throws Exception {
        CountingParser parser = new CountingParser();
        VerifiedTokens t = tokens(parser);
        JsonWebToken first = t.parse("a:600");
        assertSame(first, t.parse("a:600"));
        assertEquals(1, parser.calls.get());
        t.parse("b:600");
        assertEquals(2, parser.calls.get(), "another token text is verified afresh");

        AtomicInteger derived = new AtomicInteger();
        Caller c = Caller.of("t", "u", EnumSet.of(Role.SALES), null);
        assertSame(c, t.callerOf(first, j -> {
            derived.incrementAndGet();
            return c;
        }));
        t.callerOf(first, j -> {
            derived.incrementAndGet();
            return c;
        });
        assertEquals(1, derived.get());
    }

    @Test
    void expiredFailedAndExpLessTokensAreNeverServedFromTheCache() {
        CountingParser parser = new CountingParser();
        VerifiedTokens t = tokens(parser);
        assertThrows(ParseException.class, () -> t.parse("bad:600"));
        assertThrows(ParseException.class, () -> t.parse("bad:600"));
        assertEquals(2, parser.calls.get(), "a failure is not remembered");
        assertEquals(0, t.size());

        assertDoesNotThrow(() -> t.parse("old:-5"));
        assertDoesNotThrow(() -> t.parse("old:-5"));
        assertEquals(4, parser.calls.get(), "a token past its exp goes back to the verifier every time");

        assertDoesNotThrow(() -> t.parse("noexp:" + Long.MIN_VALUE));
        assertEquals(0, t.size(), "a token without exp is not cached");
    }

    @Test
    void theCacheIsBoundedWithoutForgettingEverything() throws Exception {
        CountingParser parser = new CountingParser();
        VerifiedTokens t = tokens(parser);
        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES + 500; i++) {
            t.parse("t" + i + ":600");
            if (i % 10 == 0) {
                t.parse("hot:600"); // one client sending the same token all along
            }
        }
        assertTrue(t.size() <= VerifiedTokens.MAX_ENTRIES, "bounded: " + t.size());
        assertTrue(t.size() > VerifiedTokens.MAX_ENTRIES / 2, "full, not emptied: " + t.size());
        int calls = parser.calls.get();
        t.parse("hot:600");
        assertEquals(calls, parser.calls.get(), "a token in use stays cached when the cache is full");
    }

    private static void assertDoesNotThrow(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(e);
    }
}
