package dev.channelhub.events;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which addresses a webhook may reach (SSRF): only public unicast ones. Loopback, private, link-local,
 * carrier-grade NAT (cloud metadata such as 100.100.100.200), benchmarking, documentation, multicast, broadcast and
 * reserved ranges are refused, and so are IPv6 unique-local, NAT64 and Teredo; IPv4-mapped, IPv4-compatible and
 * 6to4 IPv6 forms are judged by the IPv4 address they carry. {@code allowedRanges} (CIDR) exempts ranges on purpose,
 * e.g. loopback for a local test receiver.
 */
public final class WebhookTargetGuard {

    private static final List<Cidr> REFUSED_V4 = Cidr.all(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");

    /** Inside 2000::/3 (the only global unicast block); everything outside it is refused anyway. */
    private static final List<Cidr> REFUSED_V6 = Cidr.all(
            "2001::/23", "2001:db8::/32", "3fff::/20");

    private static final Cidr GLOBAL_UNICAST_V6 = Cidr.parse("2000::/3");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** Numeric host forms some resolvers read as IPv4 (2130706433, 127.1, 0x7f.1, 0177.0.0.1): never a real name. */
    private static final Pattern NUMERIC_LOOKING = Pattern.compile("(0x[0-9a-f]*|\\d+)(\\.(0x[0-9a-f]*|\\d+))*\\.?", Pattern.CASE_INSENSITIVE);

    private final List<Cidr> allowed;
    private final boolean allowEverything;

    private WebhookTargetGuard(List<Cidr> allowed, boolean allowEverything) {
        this.allowed = allowed;
        this.allowEverything = allowEverything;
    }

    /** Public addresses plus {@code allowedRanges} (CIDR, e.g. {@code 127.0.0.0/8}). */
    public static WebhookTargetGuard of(List<String> allowedRanges) {
        return new WebhookTargetGuard(allowedRanges.stream().filter(s -> !s.isBlank()).map(String::trim).map(Cidr::parse).toList(), false);
    }

    /** No guard at all (development against private receivers). */
    public static WebhookTargetGuard permissive() {
        return new WebhookTargetGuard(List.of(), true);
    }

    public boolean permits(InetAddress address) {
        if (allowEverything) {
            return true;
        }
        byte[] canonical = canonical(address.getAddress());
        for (Cidr c : allowed) {
            if (c.contains(canonical)) {
                return true;
            }
        }
        return isPublic(canonical);
    }

    /** True for a public unicast address (no exemptions). */
    public static boolean isPublic(InetAddress address) {
        return isPublic(canonical(address.getAddress()));
    }

    private static boolean isPublic(byte[] a) {
        if (a.length == 4) {
            return REFUSED_V4.stream().noneMatch(c -> c.contains(a));
        }
        if (!GLOBAL_UNICAST_V6.contains(a) || REFUSED_V6.stream().anyMatch(c -> c.contains(a))) {
            return false;
        }
        if (SIX_TO_FOUR.contains(a)) {
            return isPublic(Arrays.copyOfRange(a, 2, 6));
        }
        return true;
    }

    /**
     * IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses reach the IPv4 host they carry, so they
     * are judged as that IPv4 address. {@code ::} and {@code ::1} stay IPv6 (unspecified and loopback: refused).
     */
    static byte[] canonical(byte[] a) {
        if (a.length != 16) {
            return a;
        }
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return a;
            }
        }
        boolean mapped = a[10] == (byte) 0xff && a[11] == (byte) 0xff;
        boolean compatible = a[10] == 0 && a[11] == 0 && (a[12] != 0 || a[13] != 0);
        return mapped || compatible ? Arrays.copyOfRange(a, 12, 16) : a;
    }

    /**
     * The address a URL host names literally, read without DNS: a dotted quad or a bracketed IPv6 address. Empty
     * for a host name. Other numeric forms are refused, since resolvers disagree about what they mean.
     */
    public static Optional<InetAddress> literal(String host) {
        try {
            if (host.startsWith("[") && host.endsWith("]")) {
                String inner = host.substring(1, host.length() - 1);
                if (!inner.contains(":")) {
                    throw new IllegalArgumentException("is not an IPv6 address");
                }
                // A string with ':' is parsed as an IPv6 literal, never looked up.
                return Optional.of(InetAddress.getByName(inner));
            }
            if (DOTTED_QUAD.matcher(host).matches()) {
                String[] parts = host.split("\\.");
                byte[] b = new byte[4];
                for (int i = 0; i < 4; i++) {
                    b[i] = (byte) Integer.parseInt(parts[i]);
                }
                return Optional.of(InetAddress.getByAddress(b));
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("is not a valid IP address");
        }
        if (NUMERIC_LOOKING.matcher(host).matches()) {
            throw new IllegalArgumentException("must be a host name or a dotted IPv4 address");
        }
        return Optional.empty();
    }

    record Cidr(byte[] network, int bits) {

        static Cidr parse(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                byte[] net = InetAddress.getByName(slash < 0 ? cidr : cidr.substring(0, slash)).getAddress();
                int bits = slash < 0 ? net.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
                if (bits < 0 || bits > net.length * 8) {
                    throw new IllegalArgumentException("bad prefix length in " + cidr);
                }
                return new Cidr(net, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR range: " + cidr, e);
            }
        }

        static List<Cidr> all(String... ranges) {
            return Arrays.stream(ranges).map(Cidr::parse).toList();
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
