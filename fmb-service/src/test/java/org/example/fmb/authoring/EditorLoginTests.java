package org.example.fmb.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

/** The editor pages in production mode: an anonymous visitor is sent into the suite's authorization-code flow. */
@WebMvcTest(controllers = AuthoringPageController.class, properties = "fmb.pages.login=oauth2")
@org.springframework.context.annotation.Import({org.example.fmb.system.SecurityTestAccess.class})
class EditorLoginTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuthoringService authoring;

    @MockitoBean
    DiagnosisDocuments diagnoses;

    @MockitoBean
    DiagnosisOverviews overviews;

    @MockitoBean
    DiagnosisDiffService diffs;

    @MockitoBean
    CodeLists codeLists;

    @MockitoBean
    Clock clock;

    @Test
    void sendsAnonymousEditorsToTheSuiteAuthorizationServer() throws Exception {
        mvc.perform(get("/fmb/editor"))
                .andExpect(status().isFound())
                // relative: behind the gateway the service's own address is not one the browser can reach
                .andExpect(redirectedUrl("/fmb/oauth2/authorization/suite"));

        var authorize = mvc.perform(get("/fmb/oauth2/authorization/suite"))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var uri = UriComponentsBuilder.fromUri(URI.create(authorize)).build();
        assertThat(authorize).startsWith("http://localhost:8080/oauth2/authorize");
        assertThat(uri.getQueryParams().getFirst("client_id")).isEqualTo("fmb-web");
        assertThat(uri.getQueryParams().getFirst("response_type")).isEqualTo("code");
        assertThat(java.net.URLDecoder.decode(
                        uri.getQueryParams().getFirst("redirect_uri"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("http://localhost:8080/fmb/login/oauth2/code/suite");
    }

    @Test
    void keepsTheApiStatelessWithBearerTokens() throws Exception {
        mvc.perform(get("/fmb/api/v1/authoring/diagnoses")).andExpect(status().isUnauthorized());
    }
}
