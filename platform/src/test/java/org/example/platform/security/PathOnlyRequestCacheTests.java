package org.example.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PathOnlyRequestCacheTests {

    @Test
    void sendsAPersonBackToThePageTheyAskedForByItsPathNotByTheServicesOwnAddress() {
        var cache = new PathOnlyRequestCache();
        var asked = new MockHttpServletRequest("GET", "/fmb/editor/diagnoses/508");
        asked.setServerName("fmb-service");
        asked.setServerPort(8081);
        asked.setQueryString("tab=history");
        var response = new MockHttpServletResponse();
        cache.saveRequest(asked, response);

        var afterLogin = new MockHttpServletRequest("GET", "/fmb/login/oauth2/code/suite");
        afterLogin.setSession(asked.getSession());

        assertThat(cache.getRequest(afterLogin, response).getRedirectUrl())
                .startsWith("/fmb/editor/diagnoses/508?tab=history")
                .doesNotContain("fmb-service");
    }

    @Test
    void remembersNothingWhenNothingWasAskedFor() {
        var request = new MockHttpServletRequest("GET", "/fmb/login");
        assertThat(new PathOnlyRequestCache().getRequest(request, new MockHttpServletResponse()))
                .isNull();
    }
}
