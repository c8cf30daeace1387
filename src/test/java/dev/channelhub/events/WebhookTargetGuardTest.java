package dev.channelhub.events;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookTargetGuardTest {

    private static final WebhookTargetGuard GUARD = WebhookTargetGuard.of(List.of());

    private static InetAddress ip(String literal) throws Exception {
        // Literals only: getByName parses these without DNS.
        return InetAddress.getByName(literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0.0.0.0", "0.1.2.3",                                  // this network
            "10.0.0.1", "10.255.255.255",                          // private
            "100.64.0.1", "100.100.100.200", "100.127.255.254",    // carrier-grade NAT, cloud metadata
            "127.0.0.1", "127.255.255.254",                        // loopback
            "169.254.169.254", "169.254.0.1",                      // link-local (metadata)
            "172.16.0.1", "172.31.255.255",                        // private
            "192.0.0.8", "192.0.2.1", "192.88.99.1",               // IETF assignments, TEST-NET-1, 6to4 relay
            "192.168.1.1",                                         // private
            "198.18.0.1", "198.19.255.255",                        // benchmarking
            "198.51.100.7", "203.0.113.9",                         // TEST-NET-2/3
            "224.0.0.1", "239.255.255.250",                        // multicast
            "240.0.0.1", "255.255.255.255",                        // reserved, broadcast
            "::", "::1",                                           // unspecified, loopback
            "fc00::1", "fd12:3456::1",                             // unique-local
            "fe80::1", "fec0::1",                                  // link-local, old site-local
            "ff02::1", "ff0e::1",                                  // multicast
            "64:ff9b::a64:6464", "64:ff9b::808:808", "64:ff9b:1::1", // NAT64 (even of a public IPv4)
            "100::1",                                              // discard-only
            "2001::1", "2001:0:4136:e378::1",                      // Teredo / IETF assignments
            "2001:db8::1", "3fff::1",                              // documentation
            "::ffff:127.0.0.1", "::ffff:100.100.100.200", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:0.0.0.0",
            "::127.0.0.1", "::100.100.100.200", "::a9fe:a9fe",     // IPv4-compatible
            "2002:7f00:1::1", "2002:6464:64c8::1", "2002:a00:1::", // 6to4 of loopback, CGNAT, private
            "4000::1", "::2:3:4:5:6"                               // outside global unicast
    })
    void refused(String address) throws Exception {
        assertFalse(GUARD.permits(ip(address)), address + " must be refused");
        assertFalse(WebhookTargetGuard.isPublic(ip(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1",
            "192.167.1.1", "198.17.255.255", "198.20.0.1", "223.255.255.254", "11.0.0.1",
            "2606:4700:4700::1111", "2001:4860:4860::8888", "2a00:1450::1", "::ffff:8.8.8.8", "2002:808:808::1"})
    void allowed(String address) throws Exception {
        assertTrue(GUARD.permits(ip(address)), address + " is public");
    }

    @Test
    void allowedRangesExemptOnPurposeAndCoverMappedForms() throws Exception {
        WebhookTargetGuard loopback = WebhookTargetGuard.of(List.of("127.0.0.0/8"));
        assertTrue(loopback.permits(ip("127.0.0.1")));
        assertTrue(loopback.permits(ip("::ffff:127.0.0.2")));
        assertFalse(loopback.permits(ip("::1")));
        assertFalse(loopback.permits(ip("100.100.100.200")));
        assertTrue(WebhookTargetGuard.permissive().permits(ip("10.0.0.1")));
        assertThrows(IllegalArgumentException.class, () -> WebhookTargetGuard.of(List.of("10.0.0.0/33")));
    }

    @Test
    void literalHostsAreReadWithoutDnsAndOddNumericFormsRefused() throws Exception {
        assertEquals(Optional.of(ip("100.100.100.200")), WebhookTargetGuard.literal("100.100.100.200"));
        assertEquals(Optional.of(ip("::ffff:7f00:1")), WebhookTargetGuard.literal("[::ffff:127.0.0.1]"));
        assertEquals(Optional.of(ip("fd00::1")), WebhookTargetGuard.literal("[fd00::1]"));
        assertEquals(Optional.empty(), WebhookTargetGuard.literal("hooks.example.com"));
        assertEquals(Optional.empty(), WebhookTargetGuard.literal("1password.example"));
        for (String odd : List.of("2130706433", "127.1", "0x7f.0.0.1", "0x7f000001", "0177.0.0.1", "127.0.0.1.", "256.1.1.1")) {
            assertThrows(IllegalArgumentException.class, () -> WebhookTargetGuard.literal(odd), odd);
        }
    }

    @Test
    void everyResolvedAddressIsCheckedAndTheCheckedOneIsConnectedTo() throws Exception {
        InetAddress[][] answer = new InetAddress[1][];
        WebhookTargets targets = new WebhookTargets(false, Optional.empty(), new HostResolver() {
            @Override
            public InetAddress[] resolve(String host) {
                return answer[0];
            }
        });
        answer[0] = new InetAddress[]{ip("93.184.216.34"), ip("100.100.100.200")};
        WebhookTargets.NotAllowed e = assertThrows(WebhookTargets.NotAllowed.class, () -> targets.resolve("hooks.example.test"));
        assertFalse(e.getMessage().contains("100.100"), e.getMessage());
        answer[0] = new InetAddress[]{ip("93.184.216.34"), ip("2606:4700:4700::1111")};
        assertEquals(ip("93.184.216.34"), targets.resolve("hooks.example.test"));
        answer[0] = null; // literal addresses are never looked up
        assertThrows(WebhookTargets.NotAllowed.class, () -> targets.resolve("[::ffff:127.0.0.1]"));
        assertThrows(WebhookTargets.NotAllowed.class, () -> targets.resolve("2130706433"));
        assertEquals(ip("8.8.8.8"), targets.resolve("8.8.8.8"));
    }
}
