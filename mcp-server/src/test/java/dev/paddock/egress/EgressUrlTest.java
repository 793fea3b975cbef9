package dev.paddock.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EgressUrlTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "http://2130706433/             | http://127.0.0.1/",
            "http://0177.0.0.1/             | http://127.0.0.1/",
            "http://0x7f.1/                 | http://127.0.0.1/",
            "http://0x7F000001/             | http://127.0.0.1/",
            "http://127.1/                  | http://127.0.0.1/",
            "http://017700000001/           | http://127.0.0.1/",
            "http://169.254.43518/          | http://169.254.169.254/",
            "http://[::ffff:127.0.0.1]/     | http://[::ffff:7f00:1]/",
            "http://[0:0:0:0:0:ffff:7f00:1]/ | http://[::ffff:7f00:1]/",
            "http://[0:0:0:0:0:0:0:1]:8080/ | http://[::1]:8080/",
            "http://LOCALHOST./             | http://localhost/",
            "http://%6c%6fcalhost/          | http://localhost/",
            "http://%31%32%37.0.0.1/        | http://127.0.0.1/",
            "http://１２７．０．０．１/       | http://127.0.0.1/",
            "HTTPS://API.Example.COM:443/a  | https://api.example.com/a",
            "http://bücher.example/         | http://xn--bcher-kva.example/",
            "http://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/               | http://localhost/",
            "http://api.example.com         | http://api.example.com/",
            "http:\\\\api.example.com\\v1   | http://api.example.com/v1",
            "http://api.example.com\\@127.0.0.1/ | http://api.example.com/@127.0.0.1/",
            "http://h/v1/../admin           | http://h/admin",
            "http://h/v1/%2e%2E/admin       | http://h/admin",
            "http://h/v1/./x/.%2e/y?q=1#frag | http://h/v1/y?q=1",
            "http://h/../../etc             | http://h/etc",
            "http://h/a b?c d               | http://h/a%20b?c%20d",
            "http://h/v4/projects/group%2Fproject | http://h/v4/projects/group%2Fproject",
    })
    void normalisesWhatAttackersUse(String input, String canonical) {
        assertThat(EgressUrl.parse(input).toString()).isEqualTo(canonical);
    }

    /** The web-platform-tests URL cases EgressUrl claims to handle (source and deviations in the table). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "/egress/wpt-url-cases.tsv", delimiter = '\t', encoding = "UTF-8")
    void followsTheUrlStandardsTestCases(String input, String expected) {
        String url = unescape(input);
        if (expected.startsWith("error: ")) {
            assertThatThrownBy(() -> EgressUrl.parse(url)).isInstanceOf(EgressUrlException.class)
                    .hasMessageStartingWith(expected.substring("error: ".length()));
        } else {
            assertThat(EgressUrl.parse(url).toString()).isEqualTo(expected);
        }
    }

    private static String unescape(String s) {
        return Pattern.compile("\\\\u([0-9A-Fa-f]{4})").matcher(s)
                .replaceAll(m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }

    @Test
    void aRuleAndARequestNameTheSameInternationalHost() {
        EgressPolicy policy = EgressPolicyTest.policy("{\"rules\": [{\"url\": \"https://faß.example/*\"},"
                + " {\"url\": \"https://*.straße.example/*\"}]}");
        assertThat(policy.grants()).containsExactly("GET, HEAD https://faß.example/*", "GET, HEAD https://*.straße.example/*");
        assertThat(policy.authorize(EgressUrl.parse("https://faß.example/x"), "GET").url())
                .isEqualTo("https://faß.example/*");
        assertThat(policy.authorize(EgressUrl.parse("https://xn--fa-hia.example/x"), "GET").url())
                .isEqualTo("https://faß.example/*");
        assertThatThrownBy(() -> policy.authorize(EgressUrl.parse("https://fass.example/x"), "GET"))
                .hasMessageContaining("no egress rule matches");
        assertThat(policy.authorize(EgressUrl.parse("https://api.Straße.example/"), "GET").url())
                .isEqualTo("https://*.straße.example/*");
        assertThatThrownBy(() -> policy.authorize(EgressUrl.parse("https://api.strasse.example/"), "GET"))
                .hasMessageContaining("no egress rule matches");
    }

    @Test
    void anIpLiteralCarriesItsAddressAndANameDoesNot() {
        assertThat(EgressUrl.parse("http://0x7f.1/").address().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(EgressUrl.parse("http://[::ffff:127.0.0.1]/").address().getAddress()).hasSize(16);
        assertThat(EgressUrl.parse("http://localhost./").address()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "data:text/plain,hi", "ftp://example.com/", "javascript:alert(1)",
            "gopher://127.0.0.1:25/", "ws://example.com/", "jar:http://x/!/"})
    void refusesEverySchemeButHttpAndHttps(String input) {
        assertThatThrownBy(() -> EgressUrl.parse(input))
                .isInstanceOfSatisfying(EgressUrlException.class, e -> assertThat(e.unsupportedScheme()).isTrue())
                .hasMessageContaining("only http: and https:");
    }

    @Test
    void refusesCredentialsInTheUrlEvenWhenTheyLookLikeAHost() {
        assertThatThrownBy(() -> EgressUrl.parse("http://api.example.com@127.0.0.1/"))
                .hasMessageContaining("credentials (user:password@host) are not allowed");
        assertThatThrownBy(() -> EgressUrl.parse("http://user:pw@api.example.com/")).hasMessageContaining("credentials");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://256.0.0.1/", "http://1.2.3.4.5/", "http://1.2.3.08/", "http://[fe80::1%25eth0]/",
            "http://[::1/", "http://example.com:99999/", "http://example.com:0/", "http://exa mple.com/",
            "http://a..b/", "http:///", "http://h/v1/..%2Fadmin", "http://h/v1/%2e%2e%5cadmin", "example.com/path", "http://%zz/", "http://%ff/"})
    void rejectsMalformedUrlsWithAReason(String input) {
        assertThatThrownBy(() -> EgressUrl.parse(input))
                .isInstanceOfSatisfying(EgressUrlException.class, e -> assertThat(e.unsupportedScheme()).isFalse())
                .hasMessageStartingWith("invalid URL");
    }

    @ParameterizedTest(name = "{1} from {0}")
    @CsvSource(delimiter = '|', value = {
            "http://h:8080/a/b?x | /c          | http://h:8080/c",
            "http://h:8080/a/b   | c           | http://h:8080/a/c",
            "http://h:8080/a/b   | ../c        | http://h:8080/c",
            "http://h:8080/a/b   | ?y=1        | http://h:8080/a/b?y=1",
            "https://h/a         | //other/x   | https://other/x",
            "https://h/a         | /\\other/x   | https://other/x",
            "https://h/a         | http://2130706433/ | http://127.0.0.1/",
    })
    void resolvesRedirectLocations(String base, String location, String expected) {
        assertThat(EgressUrl.parse(base).resolve(location).toString()).isEqualTo(expected);
    }
}
