package org.example.platform.security;

import static org.example.platform.security.AccessRule.any;
import static org.example.platform.security.AccessRule.on;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The access list of every service of the suite, in one place: each service installs its own list
 * ({@link ResourceServer#protect}) and the gateway installs all four for the paths it routes, so the two locks
 * decide alike (compared rule by rule, for every demo client, by the gateway's {@code AccessAgreementTests}).
 * Open data (published FMB content, code systems) is readable without a token; everything else needs a token for
 * the service with one of the listed scopes; whatever is not listed is refused.
 */
public final class SuiteAccess {

    public static final ServiceAccess FMB = new ServiceAccess(
            "fmb",
            "fmb",
            List.of("/fmb/**"),
            List.of(
                    on(GET, "/fmb/v3/api-docs", "/fmb/v3/api-docs/**").open(),
                    // the Webcert collections, the read API and the public pages: published content is open
                    on(
                                    GET,
                                    "/fmb/forsakringsmedicinskdiagnosinformation",
                                    "/fmb/forsakringsmedicinskdiagnosinformation/*",
                                    "/fmb/typfall",
                                    "/fmb/typfall/*")
                            .open(),
                    on(GET, "/fmb/api/v1/diagnoses", "/fmb/api/v1/diagnoses/**", "/fmb/api/v1/principles")
                            .open(),
                    on(
                                    GET,
                                    "/fmb/diagnoser",
                                    "/fmb/diagnoser/*",
                                    "/fmb/principer",
                                    "/fmb/css/**",
                                    "/fmb/js/**",
                                    "/fmb/images/**",
                                    "/fmb/webjars/**")
                            .open(),
                    on(POST, "/fmb/api/v1/sick-leave-checks").scopes("fmb.read"),
                    any("/fmb/api/v1/statistics/**").scopes("fmb.write"),
                    // the follow-up of how sick-leave lengths follow FMB: analysts upload, the authority reads
                    on(POST, "/fmb/api/v1/adherence/uploads").scopes("fmb.analyse"),
                    on(GET, "/fmb/api/v1/adherence/**").scopes("fmb.analyse", "fmb.write", "fmb.review"),
                    on(
                                    POST,
                                    "/fmb/api/v1/authoring/diagnoses/*/versions/*/approval",
                                    "/fmb/api/v1/authoring/diagnoses/*/versions/*/return",
                                    "/fmb/api/v1/authoring/diagnoses/*/versions/*/publication",
                                    "/fmb/api/v1/authoring/diagnoses/*/retirement",
                                    "/fmb/api/v1/authoring/principles/versions/*/approval",
                                    "/fmb/api/v1/authoring/principles/versions/*/return",
                                    "/fmb/api/v1/authoring/principles/versions/*/publication")
                            .scopes("fmb.review"),
                    on(GET, "/fmb/api/v1/authoring/**").scopes("fmb.write", "fmb.review"),
                    any("/fmb/api/v1/authoring/**").scopes("fmb.write"),
                    // the editor pages: a person's session through the suite's authorization server (fmb-service's page
                    // chain)
                    any("/fmb/editor", "/fmb/editor/**", "/fmb/login", "/fmb/login/**", "/fmb/oauth2/**", "/fmb/logout")
                            .ownLogin()));

    /** FHIR operations that only read (terminology lookups): open data like every other read. */
    private static final List<String> FHIR_READ_OPERATIONS = List.of(
            "$lookup", "$validate-code", "$expand", "$subsumes", "$translate", "$versions", "$batch-validate-code");

    public static final ServiceAccess CODESERVER = new ServiceAccess(
            "codeserver",
            "codes",
            List.of("/codes/**", "/fhir", "/fhir/**"),
            List.of(
                    on(GET, "/codes/**").open(), // the JSON API, its OpenAPI document and the code browser pages
                    on(POST, "/codes/api/v1/imports").scopes("codes.write"),
                    on(POST, "/codes/vardemangder").open(), // value sets people save from the code browser
                    on(GET, "/fhir", "/fhir/**").open(),
                    on(POST, fhirReadOperationPaths()).open(),
                    any("/fhir", "/fhir/**").scopes("codes.write")));

    public static final ServiceAccess HOSP = new ServiceAccess(
            "hosp",
            "hosp",
            List.of("/hosp/**"),
            List.of(
                    on(GET, "/hosp/v3/api-docs", "/hosp/v3/api-docs/**").open(),
                    on(GET, "/hosp/api/v1/persons/*", "/hosp/api/v1/changes").scopes("hosp.read"),
                    on(POST, "/hosp/api/v1/licence-checks").scopes("hosp.read"),
                    on(POST, "/hosp/api/v1/persons/**").scopes("hosp.write"),
                    on(GET, "/hosp/api/v1/audit").scopes("hosp.audit")));

    public static final ServiceAccess DEATH_CERTIFICATES = new ServiceAccess(
            "death-certificates",
            "certificates",
            List.of("/death-certificates/**", "/services/**"),
            List.of(
                    on(GET, "/death-certificates/v3/api-docs", "/death-certificates/v3/api-docs/**")
                            .open(),
                    // the SOAP intake: the WSDLs are public contract, the calls are not
                    on(GET, "/services/**").open(),
                    on(POST, "/services/**").scopes("certificates.submit"),
                    on(POST, "/death-certificates/api/v1/certificates").scopes("certificates.submit"),
                    on(POST, "/death-certificates/api/v1/paper-certificates").scopes("certificates.code"),
                    on(GET, "/death-certificates/api/v1/certificates/*/pdf").scopes("certificates.read"),
                    // the coders' workbench, the statistics and the export to the cause-of-death register
                    any("/death-certificates/api/v1/coding/**").scopes("certificates.code"),
                    on(GET, "/death-certificates/api/v1/statistics", "/death-certificates/api/v1/statistics/**")
                            .scopes("certificates.read", "certificates.code"),
                    // the export carries personal identity numbers: for the register's coders only
                    on(GET, "/death-certificates/api/v1/export", "/death-certificates/api/v1/export/**")
                            .scopes("certificates.code"),
                    on(GET, "/death-certificates/api/v1/**").scopes("certificates.read"),
                    // the coders' pages: a person's session, like the FMB editor pages (the service's page chain)
                    any(
                                    "/death-certificates/coding",
                                    "/death-certificates/coding/**",
                                    "/death-certificates/statistics",
                                    "/death-certificates/statistics/**",
                                    "/death-certificates/assets/**",
                                    "/death-certificates/webjars/**",
                                    "/death-certificates/login",
                                    "/death-certificates/login/**",
                                    "/death-certificates/oauth2/**",
                                    "/death-certificates/logout")
                            .ownLogin()));

    public static final List<ServiceAccess> SERVICES = List.of(FMB, CODESERVER, HOSP, DEATH_CERTIFICATES);

    private SuiteAccess() {}

    /** The audiences of a token carrying these scopes: each service that owns one of them. */
    public static Set<String> audiencesOf(Collection<String> scopes) {
        var audiences = new LinkedHashSet<String>();
        for (var service : SERVICES) {
            if (scopes.stream().anyMatch(service::owns)) {
                audiences.add(service.audience());
            }
        }
        return audiences;
    }

    private static String[] fhirReadOperationPaths() {
        var paths = new ArrayList<String>();
        for (var operation : FHIR_READ_OPERATIONS) {
            Stream.of("/fhir/", "/fhir/*/", "/fhir/*/*/").forEach(prefix -> paths.add(prefix + operation));
        }
        return paths.toArray(String[]::new);
    }
}
