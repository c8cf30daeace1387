package dev.channelhub.support;

import io.smallrye.jwt.build.Jwt;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/** Test tokens signed with the test key (accepted) or another key (rejected). */
public final class Tokens {

    private static final PrivateKey TEST_KEY = load("test-jwt-private.pem");
    private static final PrivateKey OTHER_KEY = load("other-jwt-private.pem");
    public static final String ISSUER = "channelhub-test";

    private Tokens() {
    }

    public static String token(String tenant, String... roles) {
        return build(tenant, null, 3600, TEST_KEY, roles);
    }

    /** A token of a named user ({@code sub}), for rules that tell two users of the same role apart. */
    public static String user(String tenant, String subject, String... roles) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(roles)).claim("tenant", tenant)
                .issuedAt(now - 60).expiresAt(now + 3600).jws().sign(TEST_KEY);
    }

    public static String partner(String tenant, String channelId) {
        return build(tenant, channelId, 3600, TEST_KEY, "partner");
    }

    /** A partner token that expires {@code ttlSeconds} from now (subscription expiry tests). */
    public static String partner(String tenant, String channelId, long ttlSeconds) {
        return build(tenant, channelId, ttlSeconds, TEST_KEY, "partner");
    }

    public static String expired(String tenant, String... roles) {
        return build(tenant, null, -600, TEST_KEY, roles);
    }

    public static String foreignSigned(String tenant, String... roles) {
        return build(tenant, null, 3600, OTHER_KEY, roles);
    }

    /** A valid token carrying {@code aud} (for the audience check), or none when {@code audience} is null. */
    public static String withAudience(String tenant, String audience, String... roles) {
        long now = System.currentTimeMillis() / 1000;
        var builder = Jwt.issuer(ISSUER).subject("user-aud").upn("user-aud").groups(Set.of(roles)).claim("tenant", tenant)
                .issuedAt(now - 60).expiresAt(now + 3600);
        if (audience != null) {
            builder.audience(audience);
        }
        return builder.jws().sign(TEST_KEY);
    }

    /** A fresh tenant per test class (or test), so tests own their data and never depend on order. */
    public static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private static String build(String tenant, String channel, long ttl, PrivateKey key, String... roles) {
        long now = System.currentTimeMillis() / 1000;
        var builder = Jwt.issuer(ISSUER).subject("user-" + String.join("-", roles)).upn("user-" + String.join("-", roles))
                .groups(Set.of(roles)).claim("tenant", tenant)
                .issuedAt(now - 60 + Math.min(ttl, 0)).expiresAt(now + ttl);
        if (channel != null) {
            builder.claim("channel", channel);
        }
        return builder.jws().sign(key);
    }

    private static PrivateKey load(String resource) {
        try (var in = Tokens.class.getClassLoader().getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
