package dev.paddock.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {
    private final AddressGuard guard = AddressGuard.publicOnly();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1            | loopback",
            "127.255.0.9          | loopback",
            "::1                  | loopback",
            "10.1.2.3             | private",
            "172.16.0.1           | private",
            "172.31.255.255       | private",
            "192.168.1.1          | private",
            "fc00::1              | private",
            "fd12:3456::1         | private",
            "169.254.169.254      | cloud metadata",
            "fe80::1              | link-local",
            "100.64.0.1           | carrier-grade NAT",
            "0.0.0.0              | unspecified",
            "::                   | unspecified",
            "224.0.0.1            | multicast",
            "ff02::1              | multicast",
            "255.255.255.255      | broadcast",
            "::ffff:127.0.0.1     | loopback",
            "::ffff:169.254.169.254 | cloud metadata",
            "::127.0.0.1          | IPv4-compatible form of a loopback",
            "64:ff9b::7f00:1      | NAT64 form of a loopback",
            "64:ff9b::a9fe:a9fe   | NAT64 form of a link-local",
            "2002:7f00:1::        | 6to4 form of a loopback",
            "2001:0:4136:e378::1  | Teredo",
    })
    void refusesAddressesOfTheHostsOwnNetwork(String address, String reason) {
        assertThat(guard.refusal(InetAddress.ofLiteral(address))).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
            "64:ff9b::808:808", "::ffff:8.8.8.8"})
    void allowsPublicAddresses(String address) {
        assertThat(guard.refusal(InetAddress.ofLiteral(address))).isNull();
    }
}
