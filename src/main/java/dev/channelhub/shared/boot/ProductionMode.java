package dev.channelhub.shared.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Production fails closed. Out of the box the jar is friendly: no database configured starts an embedded one, no JWT
 * key generates a development pair, no webhook key generates one under ./data. A deployment must not get any of
 * that by accident, so with {@code CHANNELHUB_MODE=production} (or the {@code prod} profile selected explicitly,
 * {@code QUARKUS_PROFILE=prod}) the server refuses to start until each of these is configured, and says which.
 */
public final class ProductionMode {

    private ProductionMode() {
    }

    /** Whether production rules apply; {@code setting} reads a system property, else its environment variable. */
    public static boolean on(BiFunction<String, String, String> setting) {
        String mode = setting.apply("channelhub.mode", "CHANNELHUB_MODE");
        String profile = setting.apply("quarkus.profile", "QUARKUS_PROFILE");
        return mode != null && mode.trim().toLowerCase(Locale.ROOT).equals("production")
                || profile != null && profile.trim().equals("prod");
    }

    /** One clear message per missing setting; empty when the deployment may start. */
    public static List<String> problems(BiFunction<String, String, String> setting) {
        List<String> out = new ArrayList<>();
        if (setting.apply("mp.jwt.verify.publickey.location", "MP_JWT_VERIFY_PUBLICKEY_LOCATION") == null
                && setting.apply("mp.jwt.verify.publickey", "MP_JWT_VERIFY_PUBLICKEY") == null) {
            out.add("no JWT public key: set MP_JWT_VERIFY_PUBLICKEY_LOCATION (a PEM file, or the identity provider's JWKS URL) "
                    + "or MP_JWT_VERIFY_PUBLICKEY (the PEM text); production never generates a development key");
        }
        String issuer = setting.apply("mp.jwt.verify.issuer", "MP_JWT_VERIFY_ISSUER");
        if (issuer == null || issuer.equals(DevKeys.DEV_ISSUER)) {
            out.add("no JWT issuer: set MP_JWT_VERIFY_ISSUER to your identity provider's issuer (the development issuer '"
                    + DevKeys.DEV_ISSUER + "' is refused)");
        }
        if (setting.apply("quarkus.datasource.reactive.url", "QUARKUS_DATASOURCE_REACTIVE_URL") == null
                && setting.apply("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL") == null) {
            out.add("no database: set QUARKUS_DATASOURCE_REACTIVE_URL (postgresql://host:5432/channelhub) with "
                    + "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD; production never starts the embedded PostgreSQL");
        }
        if (setting.apply("channelhub.webhooks.secret-key", "CHANNELHUB_WEBHOOK_SECRET_KEY") == null) {
            out.add("no webhook secret key: set CHANNELHUB_WEBHOOK_SECRET_KEY (base64 of 16, 24 or 32 random bytes, e.g. "
                    + "openssl rand -base64 32); production never generates one under the data directory");
        }
        return out;
    }
}
