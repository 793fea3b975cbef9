package dev.paddock.egress;

import com.ibm.icu.text.IDNA;
import java.io.ByteArrayOutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An http(s) URL in the one canonical form that both policy matching and the connection use, so an
 * attacker cannot make the two disagree. Parsing follows the WHATWG URL rules for special schemes where
 * they matter for safety: numeric IPv4 forms ({@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1},
 * {@code 127.1}) become dotted quads, hosts are percent-decoded and mapped to ASCII by UTS #46 with
 * non-transitional processing, as the URL standard's "domain to ASCII" does ({@code faß.de} is
 * {@code xn--fa-hia.de}, not {@code fass.de}: a rule and a request name the same host a browser would), one
 * trailing dot is dropped, backslashes count as slashes, and dot segments are removed from the path.
 * URLs carrying credentials ({@code user@host}) are refused outright.
 *
 * @param host     lower-case ASCII name, dotted IPv4, or canonical IPv6 text without brackets
 * @param address  the address when the host is an IP literal, else null
 * @param path     starts with "/", dot segments removed, unsafe characters percent-encoded
 * @param query    "" or "?…"
 */
record EgressUrl(String scheme, String host, InetAddress address, int port, String path, String query) {

    static EgressUrl parse(String input) {
        return new Parser(input).url();
    }

    /** Resolves a redirect's Location (absolute, scheme-relative, absolute-path or relative) against this URL. */
    EgressUrl resolve(String location) {
        String trimmed = location.strip();
        if (Parser.schemeEnd(trimmed) > 0) {
            return parse(trimmed);
        }
        if (trimmed.length() >= 2 && "/\\".indexOf(trimmed.charAt(0)) >= 0 && "/\\".indexOf(trimmed.charAt(1)) >= 0) {
            return parse(scheme + ":" + trimmed);
        }
        String base = scheme + "://" + authority();
        if (trimmed.startsWith("/") || trimmed.startsWith("\\")) {
            return parse(base + trimmed);
        }
        if (trimmed.startsWith("?")) {
            return parse(base + path + trimmed);
        }
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return this;
        }
        return parse(base + path.substring(0, path.lastIndexOf('/') + 1) + trimmed);
    }

    boolean isLiteralAddress() {
        return address != null;
    }

    int defaultPort() {
        return scheme.equals("https") ? 443 : 80;
    }

    /** host[:port] as sent in the Host header: the port only when it is not the scheme's default. */
    String authority() {
        String h = address instanceof Inet6Address ? "[" + host + "]" : host;
        return port == defaultPort() ? h : h + ":" + port;
    }

    String origin() {
        return scheme + "://" + authority();
    }

    String pathAndQuery() {
        return path + query;
    }

    @Override
    public String toString() {
        return origin() + path + query;
    }

    /** One pass over the input, WHATWG-style: scheme, authority, path, query; the fragment is dropped. */
    private static final class Parser {
        private static final IDNA UTS46 = IDNA.getUTS46Instance(
                IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);
        /**
         * What the URL standard turns off (CheckHyphens, VerifyDnsLength); empty labels are still refused
         * below, with their own message.
         */
        private static final Set<IDNA.Error> NOT_CHECKED_BY_URLS = EnumSet.of(IDNA.Error.LEADING_HYPHEN,
                IDNA.Error.TRAILING_HYPHEN, IDNA.Error.HYPHEN_3_4, IDNA.Error.EMPTY_LABEL, IDNA.Error.LABEL_TOO_LONG,
                IDNA.Error.DOMAIN_NAME_TOO_LONG);
        private final String input;

        Parser(String input) {
            this.input = input == null ? "" : input.strip();
        }

        EgressUrl url() {
            int colon = schemeEnd(input);
            if (colon < 0) {
                throw invalid("it is not an absolute URL (expected http:// or https://)");
            }
            String scheme = input.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new EgressUrlException("fetch supports only http: and https: URLs, not " + scheme + ": ("
                        + shorten(input) + ")", true);
            }
            int start = colon + 1;
            while (start < input.length() && (input.charAt(start) == '/' || input.charAt(start) == '\\')) {
                start++;
            }
            int end = start;
            while (end < input.length() && "/\\?#".indexOf(input.charAt(end)) < 0) {
                end++;
            }
            String authority = input.substring(start, end);
            String rest = input.substring(end);
            int hash = rest.indexOf('#');
            if (hash >= 0) {
                rest = rest.substring(0, hash);
            }
            int question = rest.indexOf('?');
            String rawPath = question >= 0 ? rest.substring(0, question) : rest;
            String rawQuery = question >= 0 ? rest.substring(question) : "";

            if (authority.contains("@")) {
                throw invalid("URLs with credentials (user:password@host) are not allowed; send credentials in "
                        + "headers, or let the egress rule inject them");
            }
            int defaultPort = scheme.equals("https") ? 443 : 80;
            String hostPart;
            int port = defaultPort;
            if (authority.startsWith("[")) {
                int close = authority.indexOf(']');
                if (close < 0) {
                    throw invalid("unterminated IPv6 address");
                }
                hostPart = authority.substring(0, close + 1);
                String after = authority.substring(close + 1);
                if (!after.isEmpty()) {
                    if (!after.startsWith(":")) {
                        throw invalid("unexpected '" + after + "' after the IPv6 address");
                    }
                    port = port(after.substring(1), defaultPort);
                }
            } else {
                int portColon = authority.lastIndexOf(':');
                hostPart = portColon >= 0 ? authority.substring(0, portColon) : authority;
                if (portColon >= 0) {
                    port = port(authority.substring(portColon + 1), defaultPort);
                }
            }
            if (hostPart.isEmpty()) {
                throw invalid("the host is empty");
            }
            String host;
            InetAddress address;
            if (hostPart.startsWith("[")) {
                address = ipv6(hostPart.substring(1, hostPart.length() - 1));
                host = canonicalIpv6(address);
            } else {
                host = domainOrIpv4(hostPart);
                address = host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9')) ? InetAddress.ofLiteral(host) : null;
            }
            return new EgressUrl(scheme, host, address, port, path(rawPath), encode(rawQuery, "\"<>#"));
        }

        static int schemeEnd(String s) {
            int colon = s.indexOf(':');
            if (colon <= 0 || !Character.isLetter(s.charAt(0)) || s.charAt(0) > 127) {
                return -1;
            }
            for (int i = 1; i < colon; i++) {
                char c = s.charAt(i);
                if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))) {
                    return -1;
                }
            }
            return colon;
        }

        private int port(String digits, int defaultPort) {
            if (digits.isEmpty()) {
                return defaultPort;
            }
            if (digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw invalid("invalid port '" + digits + "'");
            }
            int port = Integer.parseInt(digits);
            if (port == 0 || port > 65535) {
                throw invalid("port " + port + " is out of range");
            }
            return port;
        }

        private String domainOrIpv4(String raw) {
            String ascii = domainToAscii(percentDecode(raw), raw);
            if (ascii.endsWith(".")) {
                ascii = ascii.substring(0, ascii.length() - 1);
            }
            if (ascii.isEmpty() || !ascii.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_')) {
                throw invalid("the host '" + shorten(raw) + "' contains characters not allowed in a host name");
            }
            List<String> labels = List.of(ascii.split("\\.", -1));
            if (labels.contains("")) {
                throw invalid("the host '" + shorten(raw) + "' has an empty label");
            }
            String last = labels.getLast();
            boolean endsInNumber = last.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (last.startsWith("0x") && last.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0));
            return endsInNumber ? ipv4(labels, raw) : ascii;
        }

        /**
         * The URL standard's "domain to ASCII": UTS #46 with CheckBidi and CheckJoiners, non-transitional,
         * without STD3 rules, hyphen checks or DNS length checks. It also folds full-width digits and
         * ideographic dots, so the IPv4 check after it sees them.
         */
        private String domainToAscii(String domain, String raw) {
            StringBuilder ascii = new StringBuilder();
            IDNA.Info info = new IDNA.Info();
            UTS46.nameToASCII(domain, ascii, info);
            Set<IDNA.Error> errors = EnumSet.noneOf(IDNA.Error.class);
            errors.addAll(info.getErrors());
            errors.removeAll(NOT_CHECKED_BY_URLS);
            if (!errors.isEmpty()) {
                throw invalid("the host '" + shorten(raw) + "' is not a valid domain name (UTS #46: "
                        + errors.stream().map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', ' ')).sorted()
                                .reduce((a, b) -> a + ", " + b).orElseThrow() + ")");
            }
            return ascii.toString();
        }

        /** WHATWG IPv4 parser: 1–4 parts, each decimal, 0x-hex or 0-octal; the last part fills the remaining bytes. */
        private String ipv4(List<String> parts, String raw) {
            if (parts.size() > 4) {
                throw invalid("the host '" + shorten(raw) + "' is not a valid IPv4 address");
            }
            long[] numbers = new long[parts.size()];
            for (int i = 0; i < parts.size(); i++) {
                numbers[i] = ipv4Number(parts.get(i), raw);
            }
            long value = 0;
            for (int i = 0; i < numbers.length - 1; i++) {
                if (numbers[i] > 255) {
                    throw invalid("the host '" + shorten(raw) + "' is not a valid IPv4 address");
                }
                value |= numbers[i] << (8 * (3 - i));
            }
            long last = numbers[numbers.length - 1];
            if (last >= 1L << (8 * (5 - numbers.length))) {
                throw invalid("the host '" + shorten(raw) + "' is not a valid IPv4 address");
            }
            value |= last;
            return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
        }

        private long ipv4Number(String part, String raw) {
            int radix = 10;
            String digits = part;
            if (part.startsWith("0x")) {
                radix = 16;
                digits = part.substring(2);
            } else if (part.length() > 1 && part.startsWith("0")) {
                radix = 8;
                digits = part.substring(1);
            }
            if (digits.isEmpty()) {
                return 0;
            }
            if (digits.length() > 12) {
                throw invalid("the host '" + shorten(raw) + "' is not a valid IPv4 address");
            }
            try {
                return Long.parseLong(digits, radix);
            } catch (NumberFormatException e) {
                throw invalid("the host '" + shorten(raw) + "' is not a valid IPv4 address");
            }
        }

        private InetAddress ipv6(String text) {
            if (text.isEmpty() || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                throw invalid("'[" + shorten(text) + "]' is not a valid IPv6 address (zone ids are not allowed)");
            }
            InetAddress parsed;
            try {
                parsed = InetAddress.ofLiteral(text.contains(":") ? text : "invalid");
            } catch (IllegalArgumentException e) {
                throw invalid("'[" + shorten(text) + "]' is not a valid IPv6 address");
            }
            if (parsed instanceof Inet6Address) {
                return parsed;
            }
            // The JDK turns ::ffff:a.b.c.d into an IPv4 address; keep it IPv6 so the URL keeps its brackets.
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
            try {
                return Inet6Address.getByAddress(null, mapped, -1);
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        private String path(String raw) {
            String slashed = raw.replace('\\', '/');
            List<String> out = new ArrayList<>();
            String[] segments = slashed.isEmpty() ? new String[] {""} : slashed.substring(1).split("/", -1);
            for (int i = 0; i < segments.length; i++) {
                String segment = segments[i].toLowerCase(Locale.ROOT).replace("%2e", ".");
                boolean lastSegment = i == segments.length - 1;
                if (segment.equals("..")) {
                    if (!out.isEmpty()) {
                        out.removeLast();
                    }
                    if (lastSegment) {
                        out.add("");
                    }
                } else if (segment.equals(".")) {
                    if (lastSegment) {
                        out.add("");
                    }
                } else if (List.of(segment.split("%2f|%5c", -1)).stream().anyMatch(p -> p.equals(".") || p.equals(".."))) {
                    // Servers that decode %2F before routing would climb out of the granted prefix.
                    throw invalid("the path hides a '.' or '..' segment behind an encoded slash");
                } else {
                    out.add(segments[i]);
                }
            }
            return "/" + encode(String.join("/", out), "\"<>`{}");
        }

        /** Percent-encodes controls, space, non-ASCII (as UTF-8) and the given characters; keeps existing escapes. */
        private static String encode(String s, String extra) {
            StringBuilder b = new StringBuilder(s.length());
            for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
                int c = x & 0xff;
                if (c <= 0x20 || c >= 0x7f || extra.indexOf(c) >= 0) {
                    b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
                } else {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        private String percentDecode(String s) {
            if (s.indexOf('%') < 0) {
                return s;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int plain = 0;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                        && Character.digit(s.charAt(i + 2), 16) >= 0) {
                    bytes.writeBytes(s.substring(plain, i).getBytes(StandardCharsets.UTF_8));
                    bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                    plain = i + 1;
                }
            }
            bytes.writeBytes(s.substring(plain).getBytes(StandardCharsets.UTF_8));
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                throw invalid("the host '" + shorten(s) + "' percent-decodes to invalid UTF-8");
            }
        }

        private EgressUrlException invalid(String why) {
            return new EgressUrlException("invalid URL '" + shorten(input) + "': " + why, false);
        }
    }

    /** RFC 5952 text: lower case, the longest run of zero groups (length ≥ 2) compressed. */
    static String canonicalIpv6(InetAddress address) {
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            s.append(Integer.toHexString(groups[i]));
            if (i < 7) {
                s.append(':');
            }
        }
        return s.toString();
    }

    static String shorten(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
