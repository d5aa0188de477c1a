package dev.k6j.engine.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressRulesTest {

    @Test
    void cidrRangesMatchOnTheirPrefix() throws Exception {
        AddressRules.Cidr ten = AddressRules.Cidr.parse("10.0.0.0/8");
        assertThat(ten.contains(InetAddress.getByName("10.200.3.4"))).isTrue();
        assertThat(ten.contains(InetAddress.getByName("11.0.0.1"))).isFalse();
        assertThat(AddressRules.Cidr.parse("::1/128").contains(InetAddress.getByName("::1"))).isTrue();
        assertThat(AddressRules.Cidr.parse("192.168.1.7").contains(InetAddress.getByName("192.168.1.7"))).isTrue();
    }

    @Test
    void blockedNamesAndAddressesFailWithK6sCodes() throws Exception {
        AddressRules rules = AddressRules.from(List.of("*.example.com"), "10.0.0.0/8");
        assertThatThrownBy(() -> rules.checkHostname("api.example.com")).isInstanceOfSatisfying(HttpError.class,
                e -> assertThat(e.code()).isEqualTo(1111));
        rules.checkHostname("example.org");
        assertThatThrownBy(() -> rules.checkAddress(InetAddress.getByName("10.1.1.1")))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.code()).isEqualTo(1110));
    }

    @Test
    void dnsOptionReadsK6sTwoForms() {
        DnsOptions text = DnsOptions.from("ttl=30s,select=roundRobin,policy=onlyIPv6");
        assertThat(text.ttl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(text.select()).isEqualTo("roundRobin");
        assertThat(text.policy()).isEqualTo("onlyIPv6");
        DnsOptions object = DnsOptions.from(Map.of("ttl", "inf", "select", "first"));
        assertThat(object.ttl().isNegative()).isTrue();
        assertThat(object.policy()).isEqualTo("preferIPv4");
        assertThat(DnsOptions.from(null)).isEqualTo(DnsOptions.DEFAULT);
        assertThatThrownBy(() -> DnsOptions.from("select=best")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundRobinCyclesThroughTheAddresses() throws Exception {
        DnsOptions dns = DnsOptions.from("select=roundRobin");
        List<InetAddress> addresses = List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2"));
        assertThat(List.of(dns.pick(addresses), dns.pick(addresses), dns.pick(addresses)))
                .containsExactly(addresses.get(0), addresses.get(1), addresses.get(0));
    }
}
