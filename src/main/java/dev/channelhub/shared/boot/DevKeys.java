package dev.channelhub.shared.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A development RS256 key pair under the data directory, used only when no JWT key is configured,
 * and the signer behind the {@code token} command. Production configures its own public key.
 */
public final class DevKeys {

    public static final String DEV_ISSUER = "channelhub-dev";

    private final Path privateKey;
    private final Path publicKey;

    private DevKeys(Path dir) {
        this.privateKey = dir.resolve("dev-jwt-private.pem");
        this.publicKey = dir.resolve("dev-jwt-public.pem");
    }

    /** Loads the pair from {@code dir}, generating it on first use. */
    public static DevKeys ensure(Path dir) throws IOException, GeneralSecurityException {
        DevKeys keys = new DevKeys(dir);
        privateDirectory(dir);
        if (!Files.exists(keys.privateKey) || !Files.exists(keys.publicKey)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.deleteIfExists(keys.privateKey);
            writePrivate(keys.privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(keys.publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } else {
            restrict(keys.privateKey, OWNER_ONLY_FILE);
        }
        return keys;
    }

    /**
     * A random 256-bit key kept in {@code dir/name} (base64, mode 0600), generated on first use: the development
     * stand-in for a key that production configures (e.g. the webhook secret key).
     */
    public static byte[] secretKey(Path dir, String name) throws IOException {
        privateDirectory(dir);
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            writePrivate(file, Base64.getEncoder().encodeToString(key) + "\n");
            return key;
        }
        restrict(file, OWNER_ONLY_FILE);
        return Base64.getDecoder().decode(Files.readString(file).trim());
    }

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    /** Creates {@code dir} (mode 0700), or narrows an existing one to it. */
    static void privateDirectory(Path dir) throws IOException {
        if (posix(dir.toAbsolutePath())) {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir.toAbsolutePath().getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            }
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Writes a new file that is created with mode 0600, so its content is never readable by others, not even briefly. */
    static void writePrivate(Path file, String content) throws IOException {
        if (posix(file.toAbsolutePath().getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE); // the umask may have narrowed it further; 0600 is what we mean
        }
        Files.writeString(file, content);
    }

    private static void restrict(Path file, Set<PosixFilePermission> mode) throws IOException {
        if (posix(file.toAbsolutePath().getParent())) {
            Files.setPosixFilePermissions(file, mode);
        }
    }

    private static boolean posix(Path dir) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && supportsPosix(existing);
    }

    private static boolean supportsPosix(Path existing) {
        try {
            return Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
        } catch (IOException e) {
            return false;
        }
    }

    public Path publicKeyPath() {
        return publicKey;
    }

    /** Signs a compact RS256 JWT with the dev private key. */
    public String sign(String issuer, String subject, String tenant, List<String> groups, String channel, long ttlSeconds)
            throws IOException, GeneralSecurityException {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("tenant", tenant);
        claims.put("groups", groups);
        if (channel != null) {
            claims.put("channel", channel);
        }
        claims.put("iat", now);
        claims.put("exp", now + ttlSeconds);
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64(json(claims).getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(loadPrivate());
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b64(rsa.sign());
    }

    private PrivateKey loadPrivate() throws IOException, GeneralSecurityException {
        String body = Files.readString(privateKey).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // Claims are strings, numbers and string lists only, so a tiny writer avoids a JSON dependency before boot.
    private static String json(Map<String, Object> claims) {
        return claims.entrySet().stream().map(e -> quote(e.getKey()) + ":" + value(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String value(Object v) {
        if (v instanceof Number) {
            return v.toString();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(x -> quote(x.toString())).collect(Collectors.joining(",", "[", "]"));
        }
        return quote(v.toString());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
