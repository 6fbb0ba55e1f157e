package org.example.codeserver.importing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/** Uploading code system files over HTTP: authorisation, formats, all-or-nothing and conflicts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class ImportIntegrationTests {

    private static final String FHIR_CODE_SYSTEM = """
            {
              "resourceType": "CodeSystem",
              "id": "vardniva",
              "url": "http://example.org/fhir/CodeSystem/vardniva",
              "identifier": [{"system": "urn:ietf:rfc:3986", "value": "urn:oid:1.2.752.999.1"}],
              "version": "3",
              "name": "Vardniva",
              "title": "Vårdnivå",
              "status": "active",
              "hierarchyMeaning": "is-a",
              "content": "complete",
              "property": [
                {"code": "inactive", "uri": "http://hl7.org/fhir/concept-properties#inactive", "type": "boolean"},
                {"code": "weight", "type": "integer"}
              ],
              "concept": [
                {"code": "SLUTEN", "display": "Sluten vård",
                 "designation": [{"language": "en", "use": {"system": "http://snomed.info/sct",
                   "code": "900000000000013009"}, "value": "Inpatient care"}],
                 "concept": [
                   {"code": "IVA", "display": "Intensivvård", "property": [{"code": "weight", "valueInteger": 3}]},
                   {"code": "GAMMAL", "display": "Gammal vårdform",
                    "property": [{"code": "inactive", "valueBoolean": true}]}
                 ]},
                {"code": "OPPEN", "display": "Öppen vård"}
              ]
            }
            """;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void refusesAnImportWithoutTokenOrWithoutTheWriteScope() {
        var anonymous = upload("vardniva.json", FHIR_CODE_SYSTEM.getBytes(UTF_8), "FHIR_CODESYSTEM", Map.of(), null);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        var reader = upload(
                "vardniva.json",
                FHIR_CODE_SYSTEM.getBytes(UTF_8),
                "FHIR_CODESYSTEM",
                Map.of(),
                TestTokens.bearer("ehr-system", "codes.read"));
        assertThat(reader.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(reader.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void importsAFhirCodeSystemWithNestedConceptsDesignationsAndStatus() {
        var response = upload("vardniva.json", FHIR_CODE_SYSTEM.getBytes(UTF_8), "FHIR_CODESYSTEM", Map.of(), admin());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasPath("/codes/api/v1/code-systems/vardniva/versions/3");
        assertThat(response.getBody()).contains("\"conceptCount\":4");

        var iva = http.getForEntity("/codes/api/v1/code-systems/urn:oid:1.2.752.999.1/concepts/IVA", String.class);
        assertThat(iva.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(iva.getBody()).contains("\"parents\":[{\"code\":\"SLUTEN\"").contains("\"weight\"");
        var old = http.getForEntity("/codes/api/v1/code-systems/vardniva/concepts/GAMMAL", String.class);
        assertThat(old.getBody()).contains("\"status\":\"INACTIVE\"");
        var care = http.getForEntity("/codes/api/v1/code-systems/vardniva/concepts/SLUTEN", String.class);
        assertThat(care.getBody()).contains("\"language\":\"en\"").contains("Inpatient care");
        var search = http.getForEntity("/codes/api/v1/code-systems/vardniva/concepts?q=inpatient", String.class);
        assertThat(search.getBody()).contains("\"total\":1").contains("SLUTEN");
    }

    @Test
    void importsTheCustomCsvLayout() throws IOException {
        var zip = zip(Map.of(
                "custom/codesystem.json",
                resource("codesystem.json"),
                "custom/concepts.csv",
                resource("concepts.csv"),
                "custom/hierarchy.csv",
                resource("hierarchy.csv"),
                "custom/properties.csv",
                resource("properties.csv")));
        var response = upload("lab.zip", zip, "CUSTOM_CSV", Map.of("version", "2022-07"), admin());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody()).contains("\"conceptCount\":5").contains("http://example.com/lab-codes");
        var neut =
                http.getForEntity("/codes/api/v1/lookup?system=http://example.com/lab-codes&code=NEUT", String.class);
        assertThat(neut.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(neut.getBody()).contains("\"parents\":[{\"code\":\"CHEM\"").contains("spherical");
        var children = http.getForEntity("/codes/api/v1/code-systems/lab-codes/concepts/MICRO/children", String.class);
        assertThat(children.getBody()).contains("C&S");
    }

    @Test
    void rejectsABrokenFileNamingTheLineAndStoresNothing() {
        int versionsBefore = jdbc.queryForObject("select count(*) from code_system_version", Integer.class);
        int conceptsBefore = jdbc.queryForObject("select count(*) from concept", Integer.class);
        var broken = "\uFEFFA00\t\tKolera\nA01\t\tTyfoidfeber\nA02 Salmonella utan tabbar\n";
        var zip =
                zip(Map.of("digit3.txt", broken.getBytes(UTF_8), "digit4.txt", new byte[0], "digit5.txt", new byte[0]));
        var response = upload(
                "icd.zip",
                zip,
                "ICD_10_SE",
                Map.of("version", "2099", "url", "http://example.org/broken-icd"),
                admin());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("\"line\":3").contains("digit3.txt");

        var orphan = FHIR_CODE_SYSTEM
                .replace("vardniva", "orphans")
                .replace("1.2.752.999.1", "1.2.752.999.2")
                .replace(
                        "{\"code\": \"OPPEN\", \"display\": \"Öppen vård\"}",
                        "{\"code\": \"OPPEN\", \"display\": \"Öppen vård\", "
                                + "\"property\": [{\"code\": \"parent\", \"valueCode\": \"SAKNAS\"}]}");
        var refused = upload("orphans.json", orphan.getBytes(UTF_8), "FHIR_CODESYSTEM", Map.of(), admin());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody()).contains("SAKNAS");

        assertThat(jdbc.queryForObject("select count(*) from code_system_version", Integer.class))
                .isEqualTo(versionsBefore);
        assertThat(jdbc.queryForObject("select count(*) from concept", Integer.class))
                .isEqualTo(conceptsBefore);
        assertThat(http.getForEntity("/codes/api/v1/code-systems/orphans", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void refusesToImportTheSameVersionTwice() {
        var again = upload("ksh.ans", "A00-   Kolera\n".getBytes(UTF_8), "KSH97_P", Map.of("version", "1997"), admin());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains("already imported");
    }

    @Test
    void refusesAnUnknownFormat() {
        var response = upload("x.txt", "x".getBytes(UTF_8), "WORD", Map.of(), admin());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private org.springframework.http.ResponseEntity<String> upload(
            String name, byte[] content, String format, Map<String, String> params, String bearer) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        body.add("format", format);
        params.forEach(body::add);
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        if (bearer != null) {
            headers.set(HttpHeaders.AUTHORIZATION, bearer);
        }
        return http.postForEntity("/codes/api/v1/imports", new HttpEntity<>(body, headers), String.class);
    }

    private static String admin() {
        return TestTokens.bearer("terminology-admin", "codes.write");
    }

    private static byte[] resource(String name) throws IOException {
        return new ClassPathResource("custom-csv-example/" + name).getContentAsByteArray();
    }

    private static byte[] zip(Map<String, byte[]> files) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
