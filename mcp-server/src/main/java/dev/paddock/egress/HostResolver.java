package dev.paddock.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses, once per hop: the client checks every address and then connects to
 * the checked one, so a second lookup (DNS rebinding) never happens. Tests map names to 127.0.0.1.
 */
@FunctionalInterface
interface HostResolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
