package dev.channelhub.events;

import dev.channelhub.shared.boot.DevKeys;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook signing secrets at rest. Signing needs the secret itself (no hash will do), so it is stored encrypted:
 * {@code v1:} + base64(IV ‖ AES-256-GCM ciphertext), bound to its tenant and webhook id (a value copied to another
 * row does not decrypt). {@code v0:} marks a plaintext secret from before encryption (V9_6), re-encrypted at start.
 * The key is {@code channelhub.webhooks.secret-key} (base64, 16/24/32 bytes); without it a development key is
 * generated under the data directory.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);
    static final String ENCRYPTED = "v1:";
    static final String PLAIN = "v0:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    WebhookSecrets(WebhookConfig config, @ConfigProperty(name = "channelhub.data-dir", defaultValue = "data") String dataDir) {
        this.key = new SecretKeySpec(config.secretKey().filter(s -> !s.isBlank()).map(WebhookSecrets::decodeKey)
                .orElseGet(() -> developmentKey(Path.of(dataDir).toAbsolutePath().resolve("keys"))), "AES");
    }

    private static byte[] decodeKey(String base64) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("channelhub.webhooks.secret-key must be base64 (e.g. openssl rand -base64 32)");
        }
        if (k.length != 16 && k.length != 24 && k.length != 32) {
            throw new IllegalStateException("channelhub.webhooks.secret-key must decode to 16, 24 or 32 bytes, not " + k.length);
        }
        return k;
    }

    private static byte[] developmentKey(Path dir) {
        try {
            byte[] k = DevKeys.secretKey(dir, "dev-webhook-secret.key");
            LOG.warnf("No webhook secret key configured (CHANNELHUB_WEBHOOK_SECRET_KEY): webhook secrets are encrypted with the "
                    + "development key %s; configure a key of your own in production", dir.resolve("dev-webhook-secret.key"));
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the development webhook secret key under " + dir, e);
        }
    }

    /** The stored form of {@code secret} for the webhook {@code (tenant, id)}. */
    public String seal(String tenant, UUID id, String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, tenant, id);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return ENCRYPTED + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The secret from its stored form; fails when it was sealed with another key or for another webhook. */
    public String open(String tenant, UUID id, String stored) {
        if (stored.startsWith(PLAIN)) {
            return stored.substring(PLAIN.length());
        }
        if (!stored.startsWith(ENCRYPTED)) {
            throw new IllegalStateException("webhook secret in an unknown format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(ENCRYPTED.length()));
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(in, IV_BYTES), tenant, id);
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("webhook secret cannot be decrypted (was the webhook secret key changed?)");
        }
    }

    private Cipher cipher(int mode, byte[] iv, String tenant, UUID id) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD((tenant + "/" + id).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
