package org.example.codeserver;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.example.platform.security.TestTokens;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** A FHIR CodeSystem uploaded as a terminology administrator does it: a multipart file to the JSON import API. */
public final class CodeSystemUploads {

    private CodeSystemUploads() {}

    public static ResponseEntity<String> upload(TestRestTemplate http, String fileName, String codeSystemJson) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(codeSystemJson.getBytes(UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        body.add("format", "FHIR_CODESYSTEM");
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer("terminology-admin", "codes.write"));
        return http.postForEntity("/codes/api/v1/imports", new HttpEntity<>(body, headers), String.class);
    }
}
