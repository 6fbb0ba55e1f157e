package org.example.fmb.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.example.fmb.IntegrationTestSupport;
import org.example.fmb.content.PublishedContentService;
import org.example.platform.security.TestTokens;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The editor pages' forms, through the whole service and its database: a refused field is shown beside the field
 * with what the editor entered, the page answers 422 as the API does, and nothing of a refused form is stored.
 */
@AutoConfigureMockMvc
class EditorFormTests extends IntegrationTestSupport {

    private static final RequestPostProcessor EDITOR =
            user("anna-editor").authorities(() -> "SCOPE_fmb.write", () -> "SCOPE_fmb.read");
    private static final RequestPostProcessor OTHER_EDITOR =
            user("bo-editor").authorities(() -> "SCOPE_fmb.write", () -> "SCOPE_fmb.read");
    private static final RequestPostProcessor REVIEWER =
            user("rita-reviewer").authorities(() -> "SCOPE_fmb.review", () -> "SCOPE_fmb.read");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    AuthoringService authoring;

    @Autowired
    DiagnosisDocuments diagnoses;

    @Autowired
    PublishedContentService published;

    @Test
    void showsAnAddressThatIsNoWebLinkBesideItsFieldAndKeepsWhatWasEntered() throws Exception {
        var page = startDraft(123);
        var form = formData(page);
        form.put("title", "Spänningshuvudvärk, ny rubrik");
        form.put("references[0].text", "Läs mer");
        form.put("references[0].uri", "javascript:alert(1)");

        var answer = postForm(page, form, EDITOR);

        assertThat(answer.status()).isEqualTo(422);
        var uri = answer.page().getElementById("references0.uri");
        assertThat(uri.val()).isEqualTo("javascript:alert(1)");
        assertThat(errorBeside(uri)).contains("webbadress");
        assertThat(answer.page().getElementById("title").val()).isEqualTo("Spänningshuvudvärk, ny rubrik");
        assertThat(storedTitle(123)).isEqualTo("Huvudvärk av spänningstyp");
    }

    @Test
    void showsANegativeDurationAndAnUnreadableNumberBesideTheirFields() throws Exception {
        var page = startDraft(126);
        var form = formData(page);
        form.put("typicalCases[0].maxValue", "-3");
        form.put("typicalCases[1].maxValue", "fyra");

        var answer = postForm(page, form, EDITOR);

        assertThat(answer.status()).isEqualTo(422);
        var negative = answer.page().getElementById("typicalCases0.maxValue");
        assertThat(negative.val()).isEqualTo("-3");
        assertThat(errorBeside(negative)).contains("heltal");
        var unreadable = answer.page().getElementById("typicalCases1.maxValue");
        assertThat(unreadable.val()).isEqualTo("fyra");
        assertThat(errorBeside(unreadable)).contains("heltal");
    }

    @Test
    void answersAFormThatCannotBeReadWith400AndStoresNothing() throws Exception {
        var page = startDraft(90);
        var number = draftNumber(page);
        var lockBefore = lockOf(90, number);
        var form = formData(page);
        form.put("typicalCases[0].maxUnit", "FORTNIGHTS");

        var answer = postForm(page, form, EDITOR);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.page().getElementById("problem").text()).isNotBlank();
        assertThat(lockOf(90, number)).isEqualTo(lockBefore);
    }

    @Test
    void showsMarkupTheWorkflowRefusesBesideItsSectionAndStoresNothing() throws Exception {
        var page = startDraft(128);
        var lockBefore = lockOf(128, draftNumber(page));
        var form = formData(page);
        form.put("rehabilitationInformation", "<p>Rehabilitering</p><script>alert(1)</script>");

        var answer = postForm(page, form, EDITOR);

        assertThat(answer.status()).isEqualTo(422);
        var section = answer.page().getElementById("rehabilitationInformation");
        assertThat(section.val()).contains("<script>");
        assertThat(answer.page()
                        .getElementById("rehabilitationInformation-error")
                        .text())
                .isNotBlank();
        assertThat(lockOf(128, draftNumber(page))).isEqualTo(lockBefore);
    }

    @Test
    void savesReferencesIcfCodesAndATypicalCasesCodesAddedInTheEmptyRows() throws Exception {
        var page = startDraft(133);
        var form = formData(page);
        var newReference = page.select("#references tbody tr").size() - 1;
        form.put("references[" + newReference + "].text", "Socialstyrelsens stöd");
        form.put("references[" + newReference + "].uri", "https://www.socialstyrelsen.se/fmb");
        var newIcf = page.select("#activityLimitationCentral .code-row").size() - 1;
        form.put("activityLimitationCentral[" + newIcf + "].kod", " d450 ");
        form.put("activityLimitationCentral[" + newIcf + "].beskrivning", "Gå");

        var caseCodes = page.getElementById("typicalCases[0].icd10Codes");
        var newCaseCode = caseCodes.select(".code-row").size() - 1;
        form.put("typicalCases[0].icd10Codes[" + newCaseCode + "].kod", "g20.9");
        form.put("typicalCases[0].icd10Codes[" + newCaseCode + "].beskrivning", "Parkinsons sjukdom, ospecificerad");

        var answer = postForm(page, form, EDITOR);

        assertThat(answer.status()).isEqualTo(302);
        var stored = authoring.version(diagnoses, 133, draftNumber(page)).content();
        assertThat(stored.typicalCases().get(0).icd10Codes())
                .contains(Code.icd10("G209", "Parkinsons sjukdom, ospecificerad"));
        assertThat(stored.references())
                .contains(new Reference("Socialstyrelsens stöd", "https://www.socialstyrelsen.se/fmb"));
        assertThat(stored.activityLimitationCentral()).contains(Code.icf("d450", "Gå"));
    }

    @Test
    void showsWhyADraftCannotGoToReviewBesideTheFieldWith422() throws Exception {
        var page = startDraft(244);
        var form = formData(page);
        form.keySet().removeIf(name -> name.startsWith("icd10Codes["));
        assertThat(postForm(page, form, EDITOR).status()).isEqualTo(302);
        var number = draftNumber(page);

        var response = mvc.perform(post("/fmb/editor/diagnoses/244/versions/" + number + "/submit")
                        .with(csrf())
                        .with(EDITOR))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(422);
        var answer = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(answer.getElementById("icd10Codes-error").text()).contains("ICD-10-SE");
        assertThat(answer.getElementById("status").text()).isEqualTo("DRAFT");
    }

    @Test
    void savesTheDiseaseGroupAndATypicalCasesCriteriaThatTheApiThenReads() throws Exception {
        var page = startDraft(233);
        var number = draftNumber(page);
        var before = apiVersion(233, number).path("content");
        var criteriaBefore = before.path("typicalCases").get(0).path("criteria");
        var form = formData(page);
        form.put("diseaseGroup", "muskel_skelett");
        form.put("typicalCases[0].conditionSentence", "Efter artroskopi");
        var workload = newRow(page, "typicalCases[0].criteria.workload");
        form.put("typicalCases[0].criteria.workload[" + workload + "].codes[0].kod", "BELASTNING_3");
        var severity = newRow(page, "typicalCases[0].criteria.severity");
        form.put("typicalCases[0].criteria.severity[" + severity + "].codes[0].kod", "24484000");
        var measure = newRow(page, "typicalCases[0].criteria.measures");
        form.put("typicalCases[0].criteria.measures[" + measure + "].codes[0].kod", "51316009");
        form.put("typicalCases[0].criteria.measures[" + measure + "].status", "398166005");
        var comorbidity = newRow(page, "typicalCases[0].criteria.comorbidity");
        var item = "typicalCases[0].criteria.comorbidity[" + comorbidity + "]";
        form.put(item + ".heading", "Astma");
        form.put(item + ".icd10Codes[0].kod", "J45");
        form.put(item + ".icd10Codes[0].beskrivning", "Astma");

        assertThat(postForm(page, form, EDITOR).status()).isEqualTo(302);

        var content = apiVersion(233, number).path("content");
        assertThat(before.path("diseaseGroup").path("kod").asText()).isEqualTo("olycka");
        assertThat(content.path("diseaseGroup").toString())
                .isEqualTo("{\"kod\":\"muskel_skelett\",\"kodsystem\":\"1.2.752.116.3.2.7\","
                        + "\"kodsystemnamn\":\"Sjukdomsgrupp\",\"beskrivning\":\"Rörelseorganens sjukdomar\"}");
        var tc = content.path("typicalCases").get(0);
        var criteria = tc.path("criteria");
        assertThat(tc.path("conditionSentence").asText()).isEqualTo("Efter artroskopi");
        assertThat(criteria.path("workload").size())
                .isEqualTo(criteriaBefore.path("workload").size() + 1);
        var newWorkload = criteria.path("workload").get(workload).get(0);
        assertThat(newWorkload.path("kod").asText()).isEqualTo("BELASTNING_3");
        assertThat(newWorkload.path("beskrivning").asText()).isEqualTo("hög belastning");
        assertThat(newWorkload.path("kodsystem").asText()).isEqualTo("1.2.752.116.3.1.13");
        assertThat(criteria.path("severity")
                        .get(severity)
                        .get(0)
                        .path("beskrivning")
                        .asText())
                .isEqualTo("uttalad");
        var newMeasure = criteria.path("measures").get(measure);
        assertThat(newMeasure.path("codes").get(0).path("beskrivning").asText()).isEqualTo("laparoskopisk åtgärd");
        assertThat(newMeasure.path("status").path("beskrivning").asText()).isEqualTo("utförd");
        var newComorbidity = criteria.path("comorbidity").get(comorbidity).get(0);
        assertThat(newComorbidity.path("heading").asText()).isEqualTo("Astma");
        assertThat(newComorbidity.path("icd10Codes").get(0).path("kod").asText())
                .isEqualTo("J45");
        for (var unchanged : new String[] {"course", "complicatingFactors"}) {
            assertThat(criteria.path(unchanged)).isEqualTo(criteriaBefore.path(unchanged));
        }
        for (int i = 0; i < criteriaBefore.path("workload").size(); i++) {
            assertThat(criteria.path("workload").get(i))
                    .isEqualTo(criteriaBefore.path("workload").get(i));
        }
    }

    @Test
    void showsACriterionOrDiseaseGroupNotInFmbsListsBesideItsChoiceAndStoresNothing() throws Exception {
        var page = startDraft(198);
        var lockBefore = lockOf(198, draftNumber(page));
        var form = formData(page);
        form.put("diseaseGroup", "okand_grupp");
        var workload = newRow(page, "typicalCases[0].criteria.workload");
        form.put("typicalCases[0].criteria.workload[" + workload + "].codes[0].kod", "BELASTNING_99");

        var answer = postForm(page, form, EDITOR);

        assertThat(answer.status()).isEqualTo(422);
        var choice = answer.page().getElementById("typicalCases0.criteria.workload" + workload + ".codes0.kod");
        assertThat(choice.selectFirst("option[selected]").val()).isEqualTo("BELASTNING_99");
        assertThat(errorBeside(choice)).contains("'BELASTNING_99' is not in FMB's list for workload");
        assertThat(answer.page().getElementById("diseaseGroup-error").text()).contains("okand_grupp");
        assertThat(answer.page()
                        .getElementById("diseaseGroup")
                        .selectFirst("option[selected]")
                        .val())
                .isEqualTo("okand_grupp");
        assertThat(lockOf(198, draftNumber(page))).isEqualTo(lockBefore);
    }

    @Test
    void keepsWhatWasTypedWhenSomeoneElseSavedFirstShowsWhoAndWhatDiffersAndSavesOverItWhenAskedAgain()
            throws Exception {
        var page = startDraft(355);
        var number = draftNumber(page);
        var others = formData(page);
        others.put("title", "Rubrik sparad av Bo");
        assertThat(postForm(page, others, OTHER_EDITOR).status()).isEqualTo(302);
        var mine = formData(page);
        mine.put("title", "Rubrik skriven av Anna");
        var newReference = page.select("#references tbody tr").size() - 1;
        mine.put("references[" + newReference + "].text", "Annas referens");

        var conflict = postForm(page, mine, EDITOR);

        assertThat(conflict.status()).isEqualTo(409);
        var shown = conflict.page();
        assertThat(shown.getElementById("conflict-by").text()).isEqualTo("bo-editor");
        assertThat(shown.getElementById("conflict-at").text()).isNotBlank();
        assertThat(shown.select("#conflict-differences tbody tr").eachAttr("data-field"))
                .containsExactly("title", "references");
        var title = shown.selectFirst("#conflict-differences tr[data-field=title]");
        assertThat(title.child(1).text()).isEqualTo("Rubrik sparad av Bo");
        assertThat(title.child(2).text()).isEqualTo("Rubrik skriven av Anna");
        assertThat(shown.getElementById("title").val()).isEqualTo("Rubrik skriven av Anna");
        assertThat(shown.getElementById("references" + newReference + ".text").val())
                .isEqualTo("Annas referens");
        assertThat(storedTitle(355)).isEqualTo("Rubrik sparad av Bo");
        assertThat(shown.getElementById("lockVersion").val()).isEqualTo(String.valueOf(lockOf(355, number)));

        var savedOver = postForm(shown, formData(shown), EDITOR);

        assertThat(savedOver.status()).isEqualTo(302);
        assertThat(storedTitle(355)).isEqualTo("Rubrik skriven av Anna");
        assertThat(authoring.version(diagnoses, 355, number).content().references())
                .contains(new Reference("Annas referens", null));
    }

    @Test
    void editsThePrinciplesAsSectionsShowingRefusedFieldsBesideThemAndRunsTheDraftThroughReview() throws Exception {
        var started = mvc.perform(
                        post("/fmb/editor/principles/drafts").with(csrf()).with(EDITOR))
                .andReturn()
                .getResponse();
        var pageUrl = started.getRedirectedUrl();
        var page = page(pageUrl, EDITOR);
        var form = formData(page);
        var newSection = page.select("#sections .section-row").size() - 1;
        var heading = "sections" + newSection + ".heading";
        var text = "sections" + newSection + ".text";
        form.put("title", " ");
        form.put("sections[" + newSection + "].heading", "Sjukskrivning som del av vården");
        form.put("sections[" + newSection + "].text", "<p>Ny text om sjukskrivning.</p><script>alert(1)</script>");

        var refused = postForm(page, form, EDITOR);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().getElementById("title-error").text()).isNotBlank();
        assertThat(refused.page().getElementById(heading).val()).isEqualTo("Sjukskrivning som del av vården");

        form.put("title", "Övergripande principer för sjukskrivning");
        var script = postForm(page, form, EDITOR);

        assertThat(script.status()).isEqualTo(422);
        assertThat(errorBeside(script.page().getElementById(text))).contains("script");
        assertThat(script.page().getElementById(text).val()).contains("<script>");

        form.put("sections[" + newSection + "].text", "<p>Ny text om sjukskrivning.</p>");
        assertThat(postForm(page, form, EDITOR).status()).isEqualTo(302);
        var saved = page(pageUrl, EDITOR);
        assertThat(saved.getElementById(heading).val()).isEqualTo("Sjukskrivning som del av vården");
        assertThat(saved.getElementById(text).val()).isEqualTo("<p>Ny text om sjukskrivning.</p>");
        var version = pageUrl.replaceAll(".*version=", "");
        var steps = "/fmb/editor/principles/versions/" + version;
        assertThat(status(steps + "/submit", EDITOR)).isEqualTo(302);
        assertThat(status(steps + "/approve", REVIEWER)).isEqualTo(302);
        assertThat(status(steps + "/publish", REVIEWER)).isEqualTo(302);
        assertThat(page(pageUrl, EDITOR).getElementById("status").text()).isEqualTo("PUBLISHED");
        assertThat(published.current().principles().orElseThrow().markup())
                .contains("<h3>Sjukskrivning som del av vården</h3><p>Ny text om sjukskrivning.</p>");
    }

    private record Answer(int status, Document page) {}

    /** The index of the empty row a list of the form offers for adding one. */
    private static int newRow(Document page, String list) {
        return page.getElementById(list).select(":root > .group-row").size() - 1;
    }

    /** A version as the authoring API answers it. */
    private JsonNode apiVersion(long diagnosisId, int number) throws Exception {
        var response = mvc.perform(get("/fmb/api/v1/authoring/diagnoses/" + diagnosisId + "/versions/" + number)
                        .header("Authorization", TestTokens.bearer("anna-editor", "fmb.write")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private Document startDraft(long diagnosisId) throws Exception {
        var started = mvc.perform(post("/fmb/editor/diagnoses/" + diagnosisId + "/drafts")
                        .with(csrf())
                        .with(EDITOR))
                .andReturn()
                .getResponse();
        assertThat(started.getStatus()).isEqualTo(302);
        return page(started.getRedirectedUrl(), EDITOR);
    }

    private Document page(String url, RequestPostProcessor who) throws Exception {
        var response = mvc.perform(get(url).with(who)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        var document = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8), "http://localhost" + url);
        return document;
    }

    /** What the browser would send for the edit form as it stands. */
    private static Map<String, String> formData(Document page) {
        var form = (FormElement) page.getElementById("edit");
        var data = new LinkedHashMap<String, String>();
        form.formData().forEach(kv -> data.put(kv.key(), kv.value()));
        return data;
    }

    private Answer postForm(Document page, Map<String, String> data, RequestPostProcessor who) throws Exception {
        var action = page.getElementById("edit").attr("action");
        var request = post(action).with(csrf()).with(who);
        data.forEach((name, value) -> request.param(name, value));
        var response = mvc.perform(request).andReturn().getResponse();
        return new Answer(response.getStatus(), Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)));
    }

    private int status(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(post(url).with(csrf()).with(who))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    /** The error shown right after the field, in the same cell or label. */
    private static String errorBeside(Element field) {
        var error = field.parent().selectFirst(".field-error");
        return error == null ? "" : error.text();
    }

    private static int draftNumber(Document page) {
        return Integer.parseInt(page.location().replaceAll(".*/versions/", ""));
    }

    private String storedTitle(long diagnosisId) {
        return authoring.history(diagnoses, diagnosisId).stream()
                .filter(v -> v.status() == Status.DRAFT)
                .findFirst()
                .orElseThrow()
                .content()
                .title();
    }

    private long lockOf(long diagnosisId, int number) {
        return authoring.version(diagnoses, diagnosisId, number).lockVersion();
    }
}
