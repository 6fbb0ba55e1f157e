package org.example.fmb.authoring;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import org.example.fmb.system.SecurityTestAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The editor pages answer a workflow refusal with the same status as the API. */
@WebMvcTest(controllers = AuthoringPageController.class, properties = "fmb.pages.login=form")
@Import(SecurityTestAccess.class)
class AuthoringPageControllerTests {

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
    void answersTheFourEyesRuleWith422LikeTheApi() throws Exception {
        given(authoring.approve(eq(diagnoses), eq(508L), eq(3), eq("reviewer"), any()))
                .willThrow(FourEyesException.class);

        mvc.perform(post("/fmb/editor/diagnoses/508/versions/3/approve")
                        .with(csrf())
                        .with(user("reviewer").authorities(() -> "SCOPE_fmb.review")))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void answersAStepTheStateDoesNotAllowWith409() throws Exception {
        given(authoring.approve(eq(diagnoses), eq(508L), eq(3), eq("reviewer"), any()))
                .willThrow(new WorkflowException("Version 3 is DRAFT; only a IN_REVIEW version can be approved."));

        mvc.perform(post("/fmb/editor/diagnoses/508/versions/3/approve")
                        .with(csrf())
                        .with(user("reviewer").authorities(() -> "SCOPE_fmb.review")))
                .andExpect(status().isConflict());
    }
}
