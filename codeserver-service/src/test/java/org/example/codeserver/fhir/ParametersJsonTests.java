package org.example.codeserver.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.StringWriter;
import org.example.codeserver.codesystem.TerminologyService;
import org.example.platform.security.TestTokens;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** {@link ParametersJson} writes what HAPI's JSON parser writes, for every answer the indexed operations give. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class ParametersJsonTests {

    /** HAPI's parser with its default options (the server's own context encodes without the containment pass). */
    private static final FhirContext HAPI_DEFAULTS = FhirContext.forR4Cached();

    @Autowired
    TerminologyService terminology;

    @Autowired
    ModelCodeSystems indexed;

    @Autowired
    FhirContext fhir;

    @Test
    void writesEveryLookupAndValidationAnswerOfTheBundledCodeSystemsAsHapiDoes() {
        var json = new ParametersJson(fhir);
        var compared = 0;
        for (var system : terminology.codeSystems()) {
            for (var version : system.versions()) {
                var cs = indexed.codeSystem(system.url(), version.version()).orElseThrow();
                var n = 0;
                for (var concept : terminology.export(system.url(), version.version())) {
                    assertWrittenAsHapiDoes(json, indexed.lookup(cs, concept.code(), null));
                    assertWrittenAsHapiDoes(json, indexed.lookup(cs, concept.code(), "en"));
                    if (n++ % 5 == 0) {
                        assertWrittenAsHapiDoes(json, indexed.validate(cs, concept.code(), null, null, null));
                        assertWrittenAsHapiDoes(
                                json, indexed.validate(cs, concept.code(), concept.display(), "en", null));
                        assertWrittenAsHapiDoes(
                                json, indexed.validate(cs, concept.code(), "Fel \"text\"\n", null, null));
                        assertWrittenAsHapiDoes(
                                json, indexed.validate(cs, concept.code() + "Q", null, null, "http://x/vs"));
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(100_000);
    }

    @Test
    void leavesOtherShapesToHapi() {
        var markdown = new Parameters();
        markdown.addParameter().setName("text").setValue(new MarkdownType("*x*"));
        assertThat(ParametersJson.writes(markdown)).isFalse();

        var canonical = new Parameters();
        canonical.addParameter().setName("url").setValue(new CanonicalType("http://x"));
        assertThat(ParametersJson.writes(canonical)).isFalse();

        var extended = new Parameters();
        extended.addParameter()
                .setName("x")
                .setValue(new StringType("y"))
                .addExtension("http://x", new StringType("z"));
        assertThat(ParametersJson.writes(extended)).isFalse();

        var withId = new Parameters();
        withId.setId("p1");
        assertThat(ParametersJson.writes(withId)).isFalse();
    }

    @Test
    void writesEmptyAndBlankValuesAsHapiDoes() {
        var json = new ParametersJson(fhir);
        assertWrittenAsHapiDoes(json, new Parameters());
        var blank = new Parameters();
        blank.addParameter().setName("a").setValue(new StringType(""));
        blank.addParameter().setName("b").setValue(new StringType(" "));
        blank.addParameter().setName("c").setValue(new StringType(null));
        blank.addParameter().setName("d").addPart().setName("e");
        blank.addParameter().setName("f").setValue(new StringType("ä \u0001 \\ / \u2028 😀"));
        assertWrittenAsHapiDoes(json, blank);
    }

    private void assertWrittenAsHapiDoes(ParametersJson json, Parameters parameters) {
        assertThat(ParametersJson.writes(parameters)).isTrue();
        var written = new StringWriter();
        try {
            json.write(parameters, written);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(written.toString()).isEqualTo(HAPI_DEFAULTS.newJsonParser().encodeResourceToString(parameters));
    }
}
