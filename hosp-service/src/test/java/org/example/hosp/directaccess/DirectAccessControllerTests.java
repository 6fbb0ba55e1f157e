package org.example.hosp.directaccess;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.example.hosp.access.AccessService;
import org.example.hosp.access.Caller;
import org.example.hosp.access.DirectAccessNotPermittedException;
import org.example.hosp.access.RegisterItem;
import org.example.hosp.register.PersonNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Mapping, JSON shape and error bodies of the direct-access endpoints, with the services mocked. */
@WebMvcTest(DirectAccessController.class)
class DirectAccessControllerTests {

    private static final Caller CALLER =
            new Caller("region-skane", "Region Skåne", "PUBLIC_CARE_PROVIDER", Set.of(RegisterItem.IDENTITY));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DirectAccessService directAccess;

    @MockitoBean
    AccessService access;

    @TestConfiguration
    static class Today {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Test
    void leavesOutWhatTheCallerMayNotSeeInsteadOfSendingNull() throws Exception {
        given(access.grant(any())).willReturn(CALLER);
        given(directAccess.lookUp(any(), any()))
                .willReturn(new PersonView(
                        "197003122442",
                        LocalDate.of(1970, 3, 12),
                        "Karin",
                        "Lind",
                        "FEMALE",
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        mvc.perform(get("/hosp/api/v1/persons/197003122442").with(reader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.givenName").value("Karin"))
                .andExpect(jsonPath("$.birthDate").value("1970-03-12"))
                .andExpect(jsonPath("$.folkbokforingsort").doesNotExist())
                .andExpect(jsonPath("$.licences").doesNotExist())
                .andExpect(jsonPath("$.itemsReturned").doesNotExist());
    }

    @Test
    void answersAMalformedNumberWith400BeforeReadingAnything() throws Exception {
        given(access.grant(any())).willReturn(CALLER);
        mvc.perform(get("/hosp/api/v1/persons/19700312-244X").with(reader()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("identityNumber"))
                .andExpect(jsonPath("$.title").value("Invalid identity number"));
        verifyNoInteractions(directAccess);
    }

    @Test
    void answersAnUnknownPersonWith404() throws Exception {
        given(access.grant(any())).willReturn(CALLER);
        given(directAccess.lookUp(any(), any())).willThrow(new PersonNotFoundException());
        mvc.perform(get("/hosp/api/v1/persons/197003122442").with(reader()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No person in the register has that identity number."));
    }

    @Test
    void answersARefusedActorTypeWith403NamingIt() throws Exception {
        given(access.grant(any())).willThrow(new DirectAccessNotPermittedException("PRIVATE_CARE_PROVIDER"));
        mvc.perform(get("/hosp/api/v1/persons/197003122442").with(reader()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Direct access not permitted"))
                .andExpect(jsonPath("$.actorType").value("PRIVATE_CARE_PROVIDER"));
        verifyNoInteractions(directAccess);
    }

    @Test
    void answersMalformedChecksWith400ListingEachField() throws Exception {
        given(access.grant(any())).willReturn(CALLER);
        given(directAccess.check(any(), any()))
                .willThrow(new InvalidLicenceChecksException(
                        "1 of the checks are " + "malformed; the first is checks[0].professionCode.",
                        List.of(Map.of(
                                "field",
                                "checks[0].professionCode",
                                "message",
                                "is not one of the register's profession codes"))));
        mvc.perform(post("/hosp/api/v1/licence-checks")
                        .with(reader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checks\":[{\"identityNumber\":\"197003122442\",\"professionCode\":\"XX\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("checks[0].professionCode"));
    }

    @Test
    void answersUnreadableJsonWith400() throws Exception {
        mvc.perform(post("/hosp/api/v1/licence-checks")
                        .with(reader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checks\": [ {"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(directAccess);
    }

    @Test
    void returnsOneResultPerPair() throws Exception {
        given(access.grant(any())).willReturn(CALLER);
        given(directAccess.check(any(), any()))
                .willReturn(
                        new LicenceCheckResults(List.of(new LicenceCheckResults.Result("197003122442", "LK", true))));
        mvc.perform(post("/hosp/api/v1/licence-checks")
                        .with(reader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checks\":[{\"identityNumber\":\"197003122442\",\"professionCode\":\"LK\"}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].licensed").value(true))
                .andExpect(jsonPath("$.results.length()").value(1));
    }

    private static RequestPostProcessor reader() {
        return jwt().jwt(token -> token.subject("region-skane").claim("actor_type", "PUBLIC_CARE_PROVIDER"))
                .authorities(new SimpleGrantedAuthority("SCOPE_hosp.read"));
    }
}
