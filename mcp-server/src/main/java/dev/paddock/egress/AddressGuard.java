package dev.paddock.egress;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Decides whether an address may be connected to without a rule naming it literally. The standard guard
 * refuses every address that reaches the host's own network rather than the public internet — the SSRF
 * targets: loopback, private, link-local (cloud metadata lives at 169.254.169.254), CGNAT, unspecified,
 * multicast, broadcast and reserved ranges, also when wrapped in IPv6 (mapped, compatible, NAT64, 6to4,
 * Teredo). Tests substitute a guard so that names resolving to 127.0.0.1 can reach a local server.
 */
@FunctionalInterface
interface AddressGuard {

    /** Why the address is refused (e.g. "a loopback address"), or null when it is public. */
    String refusal(InetAddress address);

    static AddressGuard publicOnly() {
        return AddressGuard::nonPublicReason;
    }

    private static String nonPublicReason(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? ipv4(b) : ipv6(b);
    }

    private static String ipv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0) {
            return "an unspecified (0.0.0.0/8) address";
        }
        if (a0 == 127) {
            return "a loopback address";
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return "a private-network address";
        }
        if (a0 == 169 && a1 == 254) {
            return "a link-local address (this range includes cloud metadata services)";
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return "a carrier-grade NAT (100.64.0.0/10) address";
        }
        if (a0 >= 224 && a0 <= 239) {
            return "a multicast address";
        }
        if (a0 >= 240) {
            return "a reserved or broadcast address";
        }
        if ((a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) || (a0 == 198 && (a1 & 0xfe) == 18)
                || (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return "a reserved (protocol, benchmark or documentation) address";
        }
        return null;
    }

    private static String ipv6(byte[] b) {
        int g0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int g1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (zero(b, 0, 10)) {
            boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            if (mapped || zero(b, 10, 12)) {
                if (!mapped && zero(b, 12, 15) && (b[15] & 0xff) <= 1) {
                    return (b[15] & 0xff) == 0 ? "the unspecified address (::)" : "a loopback address";
                }
                return embedded(b, 12, mapped ? "an IPv4-mapped " : "an IPv4-compatible ");
            }
        }
        if (g0 == 0x0064 && g1 == 0xff9b) {
            // 64:ff9b::/96 translates to the embedded IPv4 address; 64:ff9b:1::/48 is for local use only.
            return zero(b, 4, 12) ? embedded(b, 12, "a NAT64 ") : "a local-use NAT64 address";
        }
        if (g0 == 0x2002) {
            return embedded(b, 2, "a 6to4 ");
        }
        if (g0 == 0x2001 && g1 == 0) {
            return "a Teredo tunnel address";
        }
        if (g0 == 0x2001 && g1 == 0x0db8) {
            return "a documentation address";
        }
        if ((g0 & 0xfe00) == 0xfc00) {
            return "a unique-local (private) address";
        }
        if ((g0 & 0xffc0) == 0xfe80) {
            return "a link-local address";
        }
        if ((g0 & 0xffc0) == 0xfec0) {
            return "a site-local (private) address";
        }
        if ((g0 & 0xff00) == 0xff00) {
            return "a multicast address";
        }
        if (g0 == 0x0100 && zero(b, 2, 8)) {
            return "a discard-only address";
        }
        return null;
    }

    private static String embedded(byte[] b, int offset, String wrapper) {
        byte[] v4 = {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
        String inner = ipv4(v4);
        return inner == null ? null : wrapper + "form of " + inner;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
