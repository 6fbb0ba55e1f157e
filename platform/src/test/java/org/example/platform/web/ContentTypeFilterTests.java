package org.example.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ContentTypeFilterTests {

    private final ContentTypeFilter filter = new ContentTypeFilter();

    @Test
    void refusesAWildcardContentTypeWith415BeforeTheBodyIsRead() throws Exception {
        var response = send("*/*");
        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
    }

    @Test
    void refusesTextThatIsNoMediaTypeWith415() throws Exception {
        assertThat(send("not a media type").getStatus()).isEqualTo(415);
        assertThat(send("application/*").getStatus()).isEqualTo(415);
    }

    @Test
    void refusesAMultipartBodyWithoutItsBoundaryWith415() throws Exception {
        assertThat(send("multipart/form-data").getStatus()).isEqualTo(415);
    }

    @Test
    void passesOrdinaryContentTypesAndRequestsWithoutBody() throws Exception {
        assertThat(send("application/json").getStatus()).isEqualTo(200);
        assertThat(send("text/xml; charset=UTF-8").getStatus()).isEqualTo(200);
        assertThat(send("multipart/form-data; boundary=abc").getStatus()).isEqualTo(200);
        assertThat(send(null).getStatus()).isEqualTo(200);
    }

    @Test
    void neverEchoesAnIdentityNumberOfThePathInTheProblem() throws Exception {
        var request = new MockHttpServletRequest("POST", "/hosp/api/v1/persons/19121212-1212/licences");
        request.setContentType("*/*");
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        assertThat(response.getContentAsString())
                .doesNotContain("19121212-1212")
                .contains("/hosp/api/v1/persons/***");
    }

    private MockHttpServletResponse send(String contentType) throws Exception {
        var request = new MockHttpServletRequest("POST", "/fmb/api/v1/authoring/principles/versions");
        if (contentType != null) {
            request.setContentType(contentType);
        }
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
