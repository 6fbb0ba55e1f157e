package org.example.hosp.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.example.hosp.DemoPersonNumbers.DENTIST_ON_TRIAL_PERIOD;
import static org.example.hosp.DemoPersonNumbers.PROTECTED_IDENTITY;
import static org.example.hosp.DemoPersonNumbers.SPECIALIST_DOCTOR;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.example.hosp.HospIntegrationTest;
import org.example.hosp.HttpCalls;
import org.example.hosp.access.Caller;
import org.example.hosp.access.RegisterItem;
import org.example.hosp.identity.IdentityNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.IllegalTransactionStateException;

/** Every read leaves its audit row, in the read's transaction; the service's role may not change or remove one. */
@HospIntegrationTest
class AuditIntegrationTests {

    static final String PUBLIC = HttpCalls.bearer("region-skane", "PUBLIC_CARE_PROVIDER", "Region Skåne", "hosp.read");
    static final String IVO = HttpCalls.bearer("ivo", "IVO", "IVO", "hosp.read");
    static final String AUDITOR = HttpCalls.bearer("hosp-registrar", null, null, "hosp.write", "hosp.audit");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditService audit;

    HttpCalls http;

    @BeforeEach
    void calls() {
        http = new HttpCalls(rest);
    }

    @Test
    void writesOneRowForALookupWithWhoWhomWhichItemsAndTheRequestId() {
        var requestId = requestId();
        assertThat(http.get("/hosp/api/v1/persons/" + SPECIALIST_DOCTOR, PUBLIC, requestId)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        var rows = rows(requestId);
        assertThat(rows).hasSize(1);
        var row = rows.get(0);
        assertThat(row.get("client_id")).isEqualTo("region-skane");
        assertThat(row.get("organisation")).isEqualTo("Region Skåne");
        assertThat(row.get("actor_type")).isEqualTo("PUBLIC_CARE_PROVIDER");
        assertThat(row.get("access_kind")).isEqualTo("PERSON_LOOKUP");
        assertThat(row.get("identity_number")).isEqualTo(SPECIALIST_DOCTOR);
        assertThat(row.get("outcome")).isEqualTo("FOUND");
        assertThat(row.get("items")).isEqualTo("{1,3,5,6,7,8}");
        assertThat(row.get("occurred_at")).isNotNull();
    }

    @Test
    void recordsAProtectedIdentityAsItsMinimumAndAnUnknownNumberAsNotFound() {
        var protectedRead = requestId();
        http.get("/hosp/api/v1/persons/" + PROTECTED_IDENTITY, IVO, protectedRead);
        assertThat(rows(protectedRead)).singleElement().satisfies(row -> {
            assertThat(row.get("outcome")).isEqualTo("PROTECTED_IDENTITY");
            assertThat(row.get("items")).isEqualTo("{1}");
        });
        var unknown = IdentityNumber.of(LocalDate.of(1921, 3, 4), 5, false).value();
        var unknownRead = requestId();
        assertThat(http.get("/hosp/api/v1/persons/" + unknown, IVO, unknownRead).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rows(unknownRead)).singleElement().satisfies(row -> {
            assertThat(row.get("outcome")).isEqualTo("NOT_FOUND");
            assertThat(row.get("identity_number")).isEqualTo(unknown);
            assertThat(row.get("items")).isEqualTo("{}");
        });
    }

    @Test
    void answersNothingWhenTheAuditRowCannotBeWritten(
            @Value("${spring.datasource.url}") String url,
            @Value("${spring.flyway.user}") String owner,
            @Value("${spring.flyway.password}") String ownerPassword) {
        // only the owner may add a trigger: the service's role has no DDL rights (AuditRightsTests)
        var schema = new JdbcTemplate(new DriverManagerDataSource(url, owner, ownerPassword));
        schema.execute("""
                create function refuse_test_audit() returns trigger language plpgsql as $$
                begin raise exception 'audit row refused by the test'; end; $$""");
        schema.execute("""
                create trigger refuse_test_audit before insert on audit_entry for each row
                when (new.client_id = 'audit-refused') execute function refuse_test_audit()""");
        try {
            var requestId = requestId();
            var answer = http.get(
                    "/hosp/api/v1/persons/" + SPECIALIST_DOCTOR,
                    HttpCalls.bearer("audit-refused", "IVO", "IVO", "hosp.read"),
                    requestId);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
            assertThat(answer.getBody().has("licences")).isFalse();
            assertThat(answer.getBody().toString()).doesNotContain("Karin", "Lind", "7000011", "Uppsala");
            assertThat(rows(requestId)).isEmpty();
        } finally {
            schema.execute("drop trigger refuse_test_audit on audit_entry");
            schema.execute("drop function refuse_test_audit()");
        }
    }

    @Test
    void refusesToWriteAnAuditRowOutsideTheReadsTransaction() {
        var read = new AuditRecord(
                IdentityNumber.parse(SPECIALIST_DOCTOR, LocalDate.of(2026, 1, 1)),
                AccessKind.PERSON_LOOKUP,
                AuditRecord.FOUND,
                Set.of(RegisterItem.IDENTITY));
        var caller = new Caller("no-transaction", "IVO", "IVO", Set.of(RegisterItem.IDENTITY));
        assertThatThrownBy(() -> audit.recordAll(caller, List.of(read)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where client_id = 'no-transaction'", Integer.class))
                .isZero();
    }

    @Test
    void commitsSynchronouslySoThatNoAnswerGoesOutBeforeItsRowIsDurable() {
        // the embedded PostgreSQL (zonky) defaults to synchronous_commit=off; the service's connections set it on
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
    }

    @Test
    void writesNoRowWhenNothingWasRead() {
        var malformed = requestId();
        http.get("/hosp/api/v1/persons/197003122443", PUBLIC, malformed);
        var refused = requestId();
        http.get(
                "/hosp/api/v1/persons/" + SPECIALIST_DOCTOR,
                HttpCalls.bearer("private-clinic", "PRIVATE_CARE_PROVIDER", "Privatkliniken AB", "hosp.read"),
                refused);
        assertThat(rows(malformed)).isEmpty();
        assertThat(rows(refused)).isEmpty();
    }

    @Test
    void writesOneRowPerPersonOfABulkCheck() {
        var requestId = requestId();
        var pairs = List.of(
                Map.of("identityNumber", SPECIALIST_DOCTOR, "professionCode", "LK"),
                Map.of("identityNumber", "700312-2442", "professionCode", "SJ"),
                Map.of("identityNumber", DENTIST_ON_TRIAL_PERIOD, "professionCode", "TL"),
                Map.of("identityNumber", PROTECTED_IDENTITY, "professionCode", "SJ"));
        assertThat(http.post("/hosp/api/v1/licence-checks", PUBLIC, Map.of("checks", pairs), requestId)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        var rows = rows(requestId);
        assertThat(rows)
                .extracting(row -> row.get("identity_number"))
                .containsExactlyInAnyOrder(SPECIALIST_DOCTOR, DENTIST_ON_TRIAL_PERIOD, PROTECTED_IDENTITY);
        assertThat(rows).allSatisfy(row -> assertThat(row.get("access_kind")).isEqualTo("LICENCE_CHECK"));
        assertThat(rows)
                .filteredOn(row -> !PROTECTED_IDENTITY.equals(row.get("identity_number")))
                .allSatisfy(row -> {
                    assertThat(row.get("outcome")).isEqualTo("FOUND");
                    assertThat(row.get("items")).isEqualTo("{3,7}");
                });
        assertThat(rows)
                .filteredOn(row -> PROTECTED_IDENTITY.equals(row.get("identity_number")))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("outcome"))
                            .as("answered as unknown, and the row says why")
                            .isEqualTo("PROTECTED_IDENTITY");
                    assertThat(row.get("items"))
                            .as("nothing of the register was disclosed")
                            .isEqualTo("{}");
                });
    }

    @Test
    void writesAThousandRowsForAThousandPersonsInOneCheck() {
        var numbers = jdbc.queryForList(
                "select identity_number from person order by identity_number desc limit 1000", String.class);
        var requestId = requestId();
        var pairs = numbers.stream()
                .map(number -> Map.of("identityNumber", number, "professionCode", "LK"))
                .toList();
        assertThat(http.post("/hosp/api/v1/licence-checks", IVO, Map.of("checks", pairs), requestId)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject(
                        "select count(distinct identity_number) from audit_entry where request_id = ?",
                        Integer.class,
                        requestId))
                .isEqualTo(1000);
    }

    @Test
    void refusesToUpdateAnAuditRow() {
        http.get("/hosp/api/v1/persons/" + SPECIALIST_DOCTOR, PUBLIC, requestId());
        assertThatThrownBy(() -> jdbc.update("update audit_entry set client_id = 'someone-else'"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where client_id = 'someone-else'", Integer.class))
                .isZero();
    }

    @Test
    void refusesToDeleteOrTruncateAuditRows() {
        http.get("/hosp/api/v1/persons/" + SPECIALIST_DOCTOR, PUBLIC, requestId());
        var before = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_entry"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class))
                .isGreaterThanOrEqualTo(before);
    }

    @Test
    void letsTheRegistersStaffSearchTheTrailByPersonPaged() {
        var first = requestId();
        http.get("/hosp/api/v1/persons/" + DENTIST_ON_TRIAL_PERIOD, PUBLIC, first);
        http.get("/hosp/api/v1/persons/821106-9151", IVO, requestId());
        var page = http.get("/hosp/api/v1/audit?identityNumber=19821106-9151&size=1&page=0", AUDITOR);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        var body = page.getBody();
        assertThat(body.get("entries")).hasSize(1);
        assertThat(body.get("totalElements").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(body.get("totalPages").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(body.get("entries").get(0).get("identityNumber").asText()).isEqualTo(DENTIST_ON_TRIAL_PERIOD);
        assertThat(body.get("entries").get(0).get("clientId").asText()).isEqualTo("ivo");
        var later = http.get(
                "/hosp/api/v1/audit?identityNumber=" + DENTIST_ON_TRIAL_PERIOD + "&from=2999-01-01T00:00:00Z", AUDITOR);
        assertThat(later.getBody().get("totalElements").asLong()).isZero();
        var everyone = http.get("/hosp/api/v1/audit?from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z&size=5", AUDITOR);
        assertThat(everyone.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(everyone.getBody().get("entries")).hasSize(5);
    }

    @Test
    void keepsTheTrailFromCallersWithoutScopeHospAudit() {
        assertThat(http.get("/hosp/api/v1/audit", IVO).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get("/hosp/api/v1/audit", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.get("/hosp/api/v1/audit?identityNumber=123", AUDITOR).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.get("/hosp/api/v1/audit?size=100000", AUDITOR).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private List<Map<String, Object>> rows(String requestId) {
        return jdbc.queryForList("""
                select client_id, organisation, actor_type, access_kind, identity_number, outcome, items::text as items,
                    occurred_at
                from audit_entry where request_id = ? order by id
                """, requestId);
    }

    private static String requestId() {
        return "test-" + UUID.randomUUID();
    }
}
