package org.example.codeserver.codesystem;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import org.example.platform.error.ApiExceptionHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(CodeSystemController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(ApiExceptionHandler.class)
class CodeSystemControllerTests {

    private static final String ICD = "http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TerminologyService terminology;

    @Test
    void answersAnUnknownCodeWithAProblemNamingTheField() throws Exception {
        given(terminology.concept("icd-10-se", null, "Q999")).willReturn(Optional.empty());

        mvc.perform(get("/codes/api/v1/code-systems/icd-10-se/concepts/Q999"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("code"))
                .andExpect(jsonPath("$.detail").value("Unknown code in code system icd-10-se"));
    }

    @Test
    void answersAnUnknownVersionWithAProblem() throws Exception {
        given(terminology.concept("icd-10-se", "1999", "F321"))
                .willThrow(new CodeSystemNotFoundException("icd-10-se", "1999"));

        mvc.perform(get("/codes/api/v1/code-systems/icd-10-se/concepts/F321").param("version", "1999"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("version"))
                .andExpect(jsonPath("$.title").value("Unknown code system version"));
    }

    @Test
    void refusesBadPagingWithoutCallingTheService() throws Exception {
        mvc.perform(get("/codes/api/v1/code-systems/icd-10-se/concepts")
                        .param("q", "diab")
                        .param("limit", "1001"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/codes/api/v1/code-systems/icd-10-se/concepts").param("offset", "-5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("offset"));
    }

    @Test
    void returnsASearchPageWithItsTotal() throws Exception {
        given(terminology.search("icd-10-se", null, "diab typ 2", 0, 2))
                .willReturn(new SearchPage(
                        ICD,
                        "2022",
                        "diab typ 2",
                        57,
                        0,
                        List.of(
                                new SearchHit("E11", "Diabetes mellitus typ 2", ConceptStatus.ACTIVE, null),
                                new SearchHit(
                                        "E119",
                                        "Diabetes mellitus typ 2 utan komplikationer",
                                        ConceptStatus.ACTIVE,
                                        null))));

        mvc.perform(get("/codes/api/v1/code-systems/icd-10-se/concepts")
                        .param("q", "diab typ 2")
                        .param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(57))
                .andExpect(jsonPath("$.hits[0].code").value("E11"))
                .andExpect(jsonPath("$.hits.length()").value(2));
    }

    @Test
    void downloadsCsvWithQuotedCells() throws Exception {
        var details = new CodeSystemVersionDetails(
                "demo",
                "http://example.org/demo",
                null,
                List.of(),
                "Demo",
                null,
                null,
                null,
                new VersionSummary(
                        "1",
                        PublicationStatus.ACTIVE,
                        null,
                        "sv",
                        null,
                        2,
                        "complete",
                        true,
                        true,
                        null,
                        java.time.Instant.EPOCH,
                        List.of()));
        given(terminology.codeSystem("demo", "1")).willReturn(details);
        given(terminology.export("demo", "1"))
                .willReturn(List.of(
                        new ConceptDetails(
                                "http://example.org/demo",
                                "1",
                                "A",
                                "Alfa, \"första\"",
                                null,
                                ConceptStatus.ACTIVE,
                                List.of(),
                                List.of(),
                                List.of(),
                                List.of()),
                        new ConceptDetails(
                                "http://example.org/demo",
                                "1",
                                "B",
                                "Beta",
                                null,
                                ConceptStatus.INACTIVE,
                                List.of(),
                                List.of(),
                                List.of(new ConceptSummary("A", "Alfa", ConceptStatus.ACTIVE)),
                                List.of())));

        mvc.perform(get("/codes/api/v1/code-systems/demo/versions/1/download").param("format", "csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("demo-1.csv")))
                .andExpect(content()
                        .string("code,display,status,parents,definition\r\n" + "A,\"Alfa, \"\"första\"\"\",ACTIVE,,\r\n"
                                + "B,Beta,INACTIVE,A,\r\n"));
    }

    @Test
    void refusesAMalformedOid() throws Exception {
        mvc.perform(get("/codes/api/v1/oids/not-an-oid"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("system"));
    }
}
