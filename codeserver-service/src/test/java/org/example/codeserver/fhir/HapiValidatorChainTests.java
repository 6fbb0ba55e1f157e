package org.example.codeserver.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.ConceptValidationOptions;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.example.platform.security.TestTokens;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.RemoteTerminologyServiceValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * HAPI FHIR's validator with this server as its remote terminology service, the chain a Java EHR vendor uses
 * (DefaultProfile, CommonCodeSystems, InMemory, SnapshotGenerating, RemoteTerminologyService), over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HapiValidatorChainTests {

    private static final String BASE = "http://socialstyrelsen.se/fhir/CodeSystem/";
    private static final String ICD = BASE + "icd-10-se";
    private static final String PROFILE =
            "http://socialstyrelsen.se/fhir/StructureDefinition/test-depression-condition";
    private static final String DEPRESSION = "http://socialstyrelsen.se/fhir/ValueSet/test-depressive-episodes";
    private static final FhirContext FHIR = FhirContext.forR4();

    static {
        // HAPI's default 10 s read timeout is for an idle server; the test machine is shared with other builds
        FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    private FhirValidator validator;
    private ValidationSupportChain chain;

    @BeforeAll
    void buildTheVendorsChain() {
        storeTheDepressionValueSet();
        var profiles = new PrePopulatedValidationSupport(FHIR);
        profiles.addStructureDefinition(depressionProfile());
        chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR),
                new RemoteTerminologyServiceValidationSupport(FHIR, "http://localhost:" + port + "/fhir"),
                profiles);
        validator = FHIR.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
    }

    @Test
    void passesValidCodesOfEverySwedishClassification() {
        for (var coding : List.of(
                new String[] {"icd-10-se", "F321"},
                new String[] {"kva", "AAA00"},
                new String[] {"ksh97-p", "A02-P"},
                new String[] {"icf", "b110"})) {
            var system = BASE + coding[0];
            var messages = validate(condition(system, coding[1], display(system, coding[1])));
            assertThat(aboutTheCode(messages, coding[1]))
                    .as(system + "#" + coding[1])
                    .isEmpty();
        }
    }

    @Test
    void reportsAnUnknownCodeAsAnErrorNamingIt() {
        var messages = validate(condition(ICD, "XYZ99", null));

        assertThat(messages).anySatisfy(m -> {
            assertThat(m.getSeverity()).isEqualTo(ResultSeverityEnum.ERROR);
            assertThat(m.getMessage()).contains("XYZ99");
        });
    }

    /**
     * HAPI's own JPA server answers a wrong display in {@code $validate-code} with a warning, not an error (its
     * TermReadSvcImpl reports the mismatch through InMemoryTerminologyServerValidationSupport's
     * createResultForDisplayMismatch, at JpaStorageSettings' default severity WARNING), worded {@code Concept Display
     * "<sent>" does not match expected "<display>" for '<system>#<code>'}. The vendor's chain, asked to check the
     * display, reports it so from the code system it fetched here; this server's own {@code $validate-code} answers it
     * so too.
     */
    @Test
    void reportsAWrongDisplayAsHapisJpaServerDoes() {
        var expected = display(ICD, "F321");
        var jpaWording =
                "Concept Display \"Fel benämning\" does not match expected \"" + expected + "\" for '" + ICD + "#F321'";

        var inChain = chain.validateCode(
                new ValidationSupportContext(chain),
                new ConceptValidationOptions().setValidateDisplay(true),
                ICD,
                "F321",
                "Fel benämning",
                null);
        assertThat(inChain.isOk()).as(inChain.getMessage()).isTrue();
        assertThat(inChain.getSeverity()).isEqualTo(IValidationSupport.IssueSeverity.WARNING);
        assertThat(inChain.getMessage()).isEqualTo(jpaWording);

        var response = http.getForEntity(
                "/fhir/CodeSystem/$validate-code?url={url}&code=F321&display={display}",
                String.class,
                ICD,
                "Fel benämning");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        var answer = FHIR.newJsonParser().parseResource(Parameters.class, response.getBody());
        assertThat(answer.getParameterBool("result")).isTrue();
        assertThat(answer.getParameterValue("message").primitiveValue()).isEqualTo(jpaWording);
        var issue = ((OperationOutcome) answer.getParameter("issues").getResource()).getIssueFirstRep();
        assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
        assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.INVALID);
        assertThat(issue.getDetails().getText()).isEqualTo(jpaWording);
    }

    @Test
    void resolvesASystemGivenAsInerasOid() {
        var messages = validate(condition("urn:oid:1.2.752.116.1.1.1.1.3", "F321", null));

        assertThat(aboutTheCode(messages, "F321")).isEmpty();
        assertThat(messages).noneSatisfy(m -> assertThat(m.getSeverity()).isEqualTo(ResultSeverityEnum.ERROR));
    }

    @Test
    void checksARequiredBindingAgainstTheValueSetOnTheServer() {
        var inside = condition(ICD, "F321", null);
        inside.getMeta().addProfile(PROFILE);
        assertThat(validate(inside))
                .noneSatisfy(m -> assertThat(m.getSeverity()).isEqualTo(ResultSeverityEnum.ERROR));

        var outside = condition(ICD, "J189", null);
        outside.getMeta().addProfile(PROFILE);
        assertThat(validate(outside)).anySatisfy(m -> {
            assertThat(m.getSeverity()).isEqualTo(ResultSeverityEnum.ERROR);
            assertThat(m.getMessage()).contains(DEPRESSION);
        });
    }

    private List<SingleValidationMessage> validate(Condition condition) {
        return validator.validateWithResult(condition).getMessages();
    }

    private static List<SingleValidationMessage> aboutTheCode(List<SingleValidationMessage> messages, String text) {
        return messages.stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.WARNING.ordinal())
                .filter(m -> m.getMessage().contains(text))
                .toList();
    }

    private static Condition condition(String system, String code, String display) {
        var condition = new Condition();
        condition.setSubject(new Reference("Patient/example"));
        condition.getCode().addCoding().setSystem(system).setCode(code).setDisplay(display);
        return condition;
    }

    private String display(String system, String code) {
        var response = http.getForEntity("/fhir/CodeSystem/$lookup?system=" + system + "&code=" + code, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return FHIR.newJsonParser()
                .parseResource(Parameters.class, response.getBody())
                .getParameterValue("display")
                .primitiveValue();
    }

    private void storeTheDepressionValueSet() {
        var valueSet = new ValueSet();
        valueSet.setUrl(DEPRESSION);
        valueSet.setVersion("1");
        valueSet.setName("TestDepressiveEpisodes");
        valueSet.setStatus(PublicationStatus.ACTIVE);
        valueSet.getCompose()
                .addInclude()
                .setSystem(ICD)
                .addFilter()
                .setProperty("concept")
                .setOp(ValueSet.FilterOperator.ISA)
                .setValue("F32");
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/fhir+json"));
        headers.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer("terminology-admin", "codes.write"));
        var response = http.exchange(
                "/fhir/ValueSet",
                HttpMethod.POST,
                new HttpEntity<>(FHIR.newJsonParser().encodeResourceToString(valueSet), headers),
                String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private static StructureDefinition depressionProfile() {
        var profile = new StructureDefinition();
        profile.setUrl(PROFILE);
        profile.setName("TestDepressionCondition");
        profile.setStatus(PublicationStatus.ACTIVE);
        profile.setFhirVersion(org.hl7.fhir.r4.model.Enumerations.FHIRVersion._4_0_1);
        profile.setKind(StructureDefinition.StructureDefinitionKind.RESOURCE);
        profile.setAbstract(false);
        profile.setType("Condition");
        profile.setBaseDefinition("http://hl7.org/fhir/StructureDefinition/Condition");
        profile.setDerivation(StructureDefinition.TypeDerivationRule.CONSTRAINT);
        var code = profile.getDifferential().addElement().setPath("Condition.code");
        code.setId("Condition.code");
        code.setMin(1);
        code.getBinding().setStrength(BindingStrength.REQUIRED).setValueSet(DEPRESSION);
        return profile;
    }
}
