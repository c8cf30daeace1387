package dev.channelhub.shared.boot;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Generated keys are readable by their owner only, however permissive the umask. */
class DevKeysTest {

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theDevelopmentJwtPrivateKeyIsOwnerOnlyInAnOwnerOnlyDirectory() throws Exception {
        Path keys = Files.createTempDirectory("devkeys").resolve("data").resolve("keys");
        DevKeys.ensure(keys);
        assertEquals("rwx------", mode(keys));
        assertEquals("rw-------", mode(keys.resolve("dev-jwt-private.pem")));

        // A key left readable by an older version is narrowed on the next start.
        Files.setPosixFilePermissions(keys.resolve("dev-jwt-private.pem"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));
        DevKeys.ensure(keys);
        assertEquals("rw-------", mode(keys.resolve("dev-jwt-private.pem")));
        assertEquals("rwx------", mode(keys));
    }

    @Test
    void aGeneratedSecretKeyIsOwnerOnlyAndStable() throws Exception {
        Path keys = Files.createTempDirectory("devkeys").resolve("keys");
        byte[] first = DevKeys.secretKey(keys, "dev-webhook-secret.key");
        assertEquals(32, first.length);
        assertEquals("rw-------", mode(keys.resolve("dev-webhook-secret.key")));
        assertEquals("rwx------", mode(keys));
        assertArrayEquals(first, DevKeys.secretKey(keys, "dev-webhook-secret.key"), "the same key after a restart");
        assertEquals(false, Arrays.equals(first, DevKeys.secretKey(Files.createTempDirectory("other"), "k")));
    }
}
