package org.example.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall checks every header once, when the request enters, and must accept and refuse header names and values
 * as Spring Security's default does.
 */
class HeaderValueFirewallTests {

    private final org.springframework.security.web.firewall.HttpFirewall firewall =
            new TokenValidationAutoConfiguration().httpFirewall();

    private String header(String value) {
        var request = new MockHttpServletRequest("GET", "/fmb/api/v1/principles");
        request.addHeader("X-Test", value);
        return firewall.getFirewalledRequest(request).getHeader("X-Test");
    }

    @Test
    void acceptsABearerTokenAndSwedishText() {
        assertThat(header("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ3ZWJjZXJ0In0.c2ln"))
                .startsWith("Bearer ");
        assertThat(header("Region Skåne, Inspektionen för vård och omsorg")).contains("Skåne");
    }

    @Test
    void refusesControlCharactersAsTheDefaultFirewallDoes() {
        assertThatThrownBy(() -> header("Bearer abc\u0000def")).isInstanceOf(RequestRejectedException.class);
        assertThatThrownBy(() -> header("x\u0085y")).isInstanceOf(RequestRejectedException.class);
        assertThatThrownBy(() -> header("x\u007fy")).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void acceptsAndRefusesTheValuesTheDefaultFirewallDoes() {
        var standard = new StrictHttpFirewall();
        for (var value : List.of(
                "plain",
                "a\tb",
                "Region Skåne",
                "x\u0000y",
                "x\u0085y",
                "x\u007fy",
                "x\u0378y",
                "\u00e5\u00e4\u00f6",
                "x\ny")) {
            var request = new MockHttpServletRequest("GET", "/fmb/api/v1/principles");
            request.addHeader("X-Test", value);
            boolean refusedByDefault =
                    refuses(() -> standard.getFirewalledRequest(request).getHeader("X-Test"));
            assertThat(refuses(() -> header(value))).as(value).isEqualTo(refusedByDefault);
        }
    }

    private static boolean refuses(Runnable read) {
        try {
            read.run();
            return false;
        } catch (RequestRejectedException ex) {
            return true;
        }
    }

    @Test
    void refusesUnassignedCodePoints() {
        assertThatThrownBy(() -> header("x\u0378y")).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void refusesABadValueInAHeaderNobodyReadsWhenTheRequestEnters() {
        var request = new MockHttpServletRequest("GET", "/fmb/api/v1/principles");
        request.addHeader("Authorization", "Bearer abc");
        request.addHeader("X-Unread", "a\u0007b");

        assertThatThrownBy(() -> firewall.getFirewalledRequest(request))
                .isInstanceOf(RequestRejectedException.class)
                .hasMessageContaining("X-Unread")
                .hasMessageNotContaining("a\u0007b");
    }

    @Test
    void refusesAControlCharacterInAHeaderName() {
        var request = new MockHttpServletRequest("GET", "/fmb/api/v1/principles");
        request.addHeader("X-\u0001Name", "value");

        assertThatThrownBy(() -> firewall.getFirewalledRequest(request)).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void checksEachHeaderOnceNotOnEveryRead() {
        var request = new MockHttpServletRequest("GET", "/fmb/api/v1/principles");
        request.addHeader("Authorization", "Bearer abc");
        var firewalled = firewall.getFirewalledRequest(request);
        // changed after the check: read as it is, the check does not run again on each getHeader
        request.removeHeader("Authorization");
        request.addHeader("Authorization", "Bearer a\u0000c");

        assertThat(firewalled.getHeader("Authorization")).isEqualTo("Bearer a\u0000c");
    }

    @Test
    void keepsTheDefaultFirewallsOtherChecks() {
        var request = new MockHttpServletRequest("GET", "/fmb/api/v1/../principles");

        assertThatThrownBy(() -> firewall.getFirewalledRequest(request)).isInstanceOf(RequestRejectedException.class);
    }
}
