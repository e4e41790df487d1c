package org.commentguard.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The webhook target policy on its own: spellings, address families, the opt-in, names and their answers. */
class WebhookTargetPolicyTest {

    /** Names this test controls; "localhost" is answered by the real resolver's RFC 6761 rule. */
    static final HostResolver NAMES = new WebhookTargets.TestResolver()
            .answer("hooks.news.example", "93.184.215.14")
            .answer("intranet.news.example", "10.1.2.3")
            .answer("mixed.news.example", "93.184.215.14", "169.254.169.254")
            .answer("not-yet.news.example");

    final WebhookTargetPolicy strict = new WebhookTargetPolicy(false, NAMES);
    final WebhookTargetPolicy onPremises = new WebhookTargetPolicy(true, NAMES);

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://127.0.0.1:8080/hook          | loopback",
                "http://127.8.9.10/hook              | loopback",
                "http://2130706433/hook              | loopback",
                "http://0177.0.0.1/hook              | loopback",
                "http://0x7f.0.0.1/hook              | loopback",
                "http://0x7f000001/hook              | loopback",
                "http://127.1/hook                   | loopback",
                "http://0177.1:9000/hook             | loopback",
                "http://127.0.0.1./hook              | loopback",
                "http://[::1]/hook                   | loopback",
                "http://[::ffff:127.0.0.1]/hook      | loopback",
                "http://[0:0:0:0:0:ffff:7f00:1]/hook | loopback",
                "http://[::127.0.0.1]/hook           | loopback",
                "http://localhost:8080/hook          | loopback",
                "http://LOCALHOST./hook              | loopback",
                "http://10.0.0.1/hook                | private-network",
                "http://172.16.0.1/hook              | private-network",
                "http://172.31.255.255/hook          | private-network",
                "http://192.168.1.1/hook             | private-network",
                "http://100.64.0.1/hook              | private-network",
                "http://[fc00::1]/hook               | private-network",
                "http://[fd12:3456::1]/hook          | private-network",
                "http://[::ffff:10.0.0.1]/hook       | private-network",
                "http://[64:ff9b::10.0.0.1]/hook     | private-network",
                "http://[2002:c0a8:101::1]/hook      | private-network",
                "http://intranet.news.example/hook   | private-network",
                "http://169.254.169.254/latest/meta-data | link-local",
                "http://2852039166/latest/meta-data  | link-local",
                "http://[fe80::1]/hook               | link-local",
                "http://[::ffff:169.254.169.254]/    | link-local",
                "http://mixed.news.example/hook      | link-local",
                "http://224.0.0.1/hook               | multicast",
                "http://[ff02::1]/hook               | multicast",
                "http://0.0.0.0/hook                 | unspecified",
                "http://0/hook                       | unspecified",
                "http://[::]/hook                    | unspecified",
                "http://255.255.255.255/hook         | broadcast",
                "http://[2001:db8::1]/hook           | reserved",
                "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/ | Teredo",
            })
    void refusesAddressesInsideTheNetworkInEverySpelling(String url, String kind) {
        assertThatThrownBy(() -> strict.checkRegistration(url))
                .isInstanceOf(WebhookTargetForbiddenException.class)
                .hasMessageContaining(kind.replace('-', ' ').equals("private network") ? "private-network" : kind);
        assertThatThrownBy(() -> strict.pin(url)).isInstanceOf(WebhookTargetForbiddenException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/hook",
                "http://2130706433/hook",
                "http://[::1]/hook",
                "http://localhost/hook",
                "http://10.0.0.1/hook",
                "http://192.168.1.1/hook",
                "http://[fd00::1]/hook",
                "http://intranet.news.example/hook"
            })
    void theOperatorOptInOpensLoopbackAndPrivateNetworks(String url) throws Exception {
        onPremises.checkRegistration(url);
        assertThat(onPremises.pin(url).address()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data",
                "http://[fe80::1]/hook",
                "http://224.0.0.1/hook",
                "http://0.0.0.0/hook",
                "http://255.255.255.255/hook"
            })
    void theOptInNeverOpensMetadataMulticastOrUnspecifiedAddresses(String url) {
        assertThatThrownBy(() -> onPremises.checkRegistration(url))
                .isInstanceOf(WebhookTargetForbiddenException.class)
                .hasMessageNotContaining("allow-private-targets");
    }

    @Test
    void aRefusalNamesTheAddressTheSpellingMeansAndTheSwitchThatWouldOpenIt() {
        assertThatThrownBy(() -> strict.checkRegistration("http://0177.0.0.1/hook"))
                .hasMessageStartingWith("127.0.0.1 is a loopback address")
                .hasMessageContaining("commentguard.webhook.allow-private-targets=true");
        assertThatThrownBy(() -> strict.checkRegistration("http://localhost/hook"))
                .hasMessageContaining("(localhost resolves to it)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://hooks.news.example/",
                "file:///etc/passwd",
                "gopher://hooks.news.example/",
                "http://user:pass@hooks.news.example/hook",
                "http://hooks.news.example@127.0.0.1/hook",
                "http://08.0.0.1/hook",
                "http://256.1.1.1.1/x",
                "http://1.2.3.256/hook",
                "http://0x100000000/hook",
                "http://[::1/hook",
                "http://[zz::1]/hook"
            })
    void refusesOtherSchemesUserInfoAndMalformedNumericHosts(String url) {
        assertThatThrownBy(() -> strict.checkRegistration(url)).isInstanceOf(WebhookTargetForbiddenException.class);
    }

    @Test
    void pinsTheCheckedAddressAndKeepsTheHostNameAndPath() throws Exception {
        WebhookTargetPolicy.PinnedTarget target = strict.pin("https://Hooks.News.Example:8443/in/cg?token=x");
        assertThat(target.address().getHostAddress()).isEqualTo("93.184.215.14");
        assertThat(target.host()).isEqualTo("hooks.news.example");
        assertThat(target.port()).isEqualTo(8443);
        assertThat(target.https()).isTrue();
        assertThat(target.pathAndQuery()).isEqualTo("/in/cg?token=x");
        assertThat(strict.pin("http://93.184.215.14").port()).isEqualTo(80);
        assertThat(strict.pin("http://93.184.215.14").pathAndQuery()).isEqualTo("/");
    }

    @Test
    void acceptsANameThatDoesNotResolveYetButRefusesToDeliverToIt() {
        strict.checkRegistration("https://not-yet.news.example/hook");
        assertThatThrownBy(() -> strict.pin("https://not-yet.news.example/hook"))
                .isInstanceOf(UnknownHostException.class);
    }

    @Test
    void aNameIsJudgedByWhatItAnswersAtEachCheck() throws Exception {
        WebhookTargets.TestResolver names =
                new WebhookTargets.TestResolver().answer("rebind.news.example", "93.184.215.14");
        WebhookTargetPolicy policy = new WebhookTargetPolicy(false, names);
        policy.checkRegistration("http://rebind.news.example/hook");
        names.answer("rebind.news.example", "127.0.0.1");
        assertThatThrownBy(() -> policy.pin("http://rebind.news.example/hook"))
                .isInstanceOf(WebhookTargetForbiddenException.class)
                .hasMessageContaining("127.0.0.1 (rebind.news.example resolves to it) is a loopback address");
    }

    @ParameterizedTest(name = "{0} means {1}")
    @CsvSource({
        "2130706433, 127.0.0.1",
        "0177.0.0.1, 127.0.0.1",
        "0x7f.1, 127.0.0.1",
        "127.1, 127.0.0.1",
        "10.1, 10.0.0.1",
        "192.168.257, 192.168.1.1",
        "0xA9.0xFE.0xA9.0xFE, 169.254.169.254",
        "93.184.215.14, 93.184.215.14"
    })
    void readsNumericHostsTheWayTheCResolverDoes(String host, String address) throws Exception {
        assertThat(TargetAddresses.numericIpv4(host))
                .map(InetAddress::getHostAddress)
                .contains(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hooks.news.example", "1.2.3.4.5", "0x7f.example", "example.123"})
    void namesAreNotNumericHosts(String host) throws Exception {
        assertThat(TargetAddresses.numericIpv4(host)).isEmpty();
    }
}
