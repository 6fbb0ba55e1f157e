package org.example.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

/** The firewall's fast path must accept and refuse header values exactly as Spring Security's default does. */
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
        assertThatThrownBy(() -> header("a\tb")).isInstanceOf(RequestRejectedException.class);
        assertThatThrownBy(() -> header("x\u0085y")).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void refusesUnassignedCodePoints() {
        assertThatThrownBy(() -> header("x\u0378y")).isInstanceOf(RequestRejectedException.class);
    }
}
