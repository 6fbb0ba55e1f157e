package org.example.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

class ServiceAccessTests {

    static final Authentication ANONYMOUS = new AnonymousAuthenticationToken(
            "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    @Test
    void letsAnyoneReadOpenDataAndRefusesWhatIsNotListed() {
        assertThat(serviceAllows(SuiteAccess.FMB, ANONYMOUS, "GET", "/fmb/api/v1/diagnoses/by-code/F32.1"))
                .isTrue();
        assertThat(serviceAllows(SuiteAccess.FMB, ANONYMOUS, "DELETE", "/fmb/api/v1/diagnoses/1"))
                .isFalse();
        assertThat(serviceAllows(
                        SuiteAccess.HOSP,
                        token(List.of("hosp"), "hosp.read", "hosp.write", "hosp.audit"),
                        "GET",
                        "/hosp/api/v1/not-listed"))
                .isFalse();
    }

    @Test
    void needsOneOfTheListedScopes() {
        var coder = token(List.of("death-certificates"), "certificates.read", "certificates.code");
        var webcert = token(List.of("fmb", "death-certificates"), "fmb.read", "certificates.submit");
        var pdf = "/death-certificates/api/v1/certificates/7/pdf";
        assertThat(serviceAllows(SuiteAccess.DEATH_CERTIFICATES, coder, "GET", pdf))
                .isTrue();
        assertThat(serviceAllows(SuiteAccess.DEATH_CERTIFICATES, webcert, "GET", pdf))
                .isFalse();
        assertThat(serviceAllows(SuiteAccess.DEATH_CERTIFICATES, ANONYMOUS, "GET", pdf))
                .isFalse();
        assertThat(serviceAllows(SuiteAccess.DEATH_CERTIFICATES, webcert, "POST", "/services/RegisterCertificate/v3"))
                .isTrue();
    }

    @Test
    void refusesATokenIssuedForAnotherServiceEvenOnOpenPaths() {
        var forFmb = token(List.of("fmb"), "fmb.read");
        assertThat(serviceAllows(SuiteAccess.CODESERVER, forFmb, "GET", "/codes/api/v1/code-systems"))
                .isFalse();
        assertThat(serviceAllows(SuiteAccess.FMB, forFmb, "GET", "/fmb/api/v1/diagnoses"))
                .isTrue();
        var hospScopeForFmb = token(List.of("fmb"), "hosp.read");
        assertThat(serviceAllows(SuiteAccess.HOSP, hospScopeForFmb, "GET", "/hosp/api/v1/persons/191212121212"))
                .isFalse();
    }

    @Test
    void refusesTheEditorPagesIdToken() {
        // an ID token names the web client as its audience, never a service
        var idToken = token(List.of("fmb-web"), "fmb.write", "fmb.review");
        assertThat(serviceAllows(SuiteAccess.FMB, idToken, "GET", "/fmb/api/v1/authoring/diagnoses"))
                .isFalse();
        assertThat(serviceAllows(SuiteAccess.FMB, idToken, "GET", "/fmb/api/v1/diagnoses"))
                .isFalse();
        var noAudience = token(List.of(), "fmb.write");
        assertThat(serviceAllows(SuiteAccess.FMB, noAudience, "GET", "/fmb/api/v1/authoring/diagnoses"))
                .isFalse();
    }

    @Test
    void treatsEveryFhirReadOperationAsOpenDataAndEveryOtherFhirWriteAsCodesWrite() {
        for (var path : List.of(
                "/fhir/CodeSystem/$lookup",
                "/fhir/CodeSystem/%24lookup",
                "/fhir/ValueSet/icd/$expand",
                "/fhir/$versions",
                "/fhir/ValueSet/$batch-validate-code",
                "/fhir/ConceptMap/$translate")) {
            assertThat(serviceAllows(SuiteAccess.CODESERVER, ANONYMOUS, "POST", path))
                    .as(path)
                    .isTrue();
        }
        assertThat(serviceAllows(SuiteAccess.CODESERVER, ANONYMOUS, "POST", "/fhir/CodeSystem"))
                .isFalse();
        assertThat(serviceAllows(
                        SuiteAccess.CODESERVER,
                        token(List.of("codeserver"), "codes.read"),
                        "PUT",
                        "/fhir/CodeSystem/x"))
                .isFalse();
        assertThat(serviceAllows(
                        SuiteAccess.CODESERVER,
                        token(List.of("codeserver"), "codes.write"),
                        "PUT",
                        "/fhir/CodeSystem/x"))
                .isTrue();
    }

    @Test
    void leavesPagesWithTheirOwnLoginToTheServicesPageChain() {
        var request = request("POST", "/fmb/editor/diagnoses/1/versions/2/approve");
        assertThat(SuiteAccess.FMB.allows(ANONYMOUS, request, true)).isTrue();
        assertThat(SuiteAccess.FMB.allows(ANONYMOUS, request, false)).isFalse();
    }

    @Test
    void readsTheListTopToBottomSoADenyBeforeAnOpenRuleWins() {
        var access = new ServiceAccess(
                "demo",
                "demo",
                List.of("/demo/**"),
                List.of(
                        AccessRule.on(org.springframework.http.HttpMethod.GET, "/demo/private/**")
                                .deny(),
                        AccessRule.any("/demo/**").open()));
        assertThat(serviceAllows(access, ANONYMOUS, "GET", "/demo/private/x")).isFalse();
        assertThat(serviceAllows(access, token(List.of("demo"), "demo.read"), "GET", "/demo/private/x"))
                .isFalse();
        assertThat(serviceAllows(access, ANONYMOUS, "POST", "/demo/private/x")).isTrue();
        assertThat(serviceAllows(access, ANONYMOUS, "GET", "/other")).isFalse();
    }

    @Test
    void issuesATokenForEachServiceWhoseScopeItCarries() {
        assertThat(SuiteAccess.audiencesOf(List.of("fmb.read", "certificates.submit")))
                .containsExactly("fmb", "death-certificates");
        assertThat(SuiteAccess.audiencesOf(List.of("openid", "fmb.write"))).containsExactly("fmb");
        assertThat(SuiteAccess.audiencesOf(List.of("codes.read"))).containsExactly("codeserver");
        assertThat(SuiteAccess.audiencesOf(List.of("openid", "fmbx.read", "hosp")))
                .isEmpty();
    }

    static boolean serviceAllows(ServiceAccess service, Authentication authentication, String method, String path) {
        return service.allows(authentication, request(method, path), false);
    }

    static MockHttpServletRequest request(String method, String path) {
        var request = new MockHttpServletRequest(method, path);
        request.setRequestURI(path);
        return request;
    }

    static Authentication token(List<String> audience, String... scopes) {
        var jwt = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject("client")
                .audience(audience)
                .claim("scope", String.join(" ", scopes))
                .build();
        return new JwtAuthenticationConverter().convert(jwt);
    }
}
