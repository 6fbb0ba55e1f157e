package org.example.hosp.directaccess;

import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.example.hosp.access.Caller;
import org.example.hosp.access.RegisterItem;
import org.example.hosp.audit.AccessKind;
import org.example.hosp.audit.AuditRecord;
import org.example.hosp.audit.AuditService;
import org.example.hosp.identity.IdentityNumber;
import org.example.hosp.register.Profession;
import org.example.hosp.register.RegisteredEducation;
import org.example.hosp.register.RegisteredLicence;
import org.example.hosp.register.RegisteredPerson;
import org.example.hosp.register.RegisteredRestriction;
import org.example.hosp.register.RegisteredSpecialistCertificate;
import org.example.hosp.register.RestrictionCode;
import org.example.hosp.system.TransactionConfiguration;
import org.example.platform.web.RequestIdFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audited person lookup, the hot path of direct access, as one statement that this class alone owns: its audit
 * row is written by the statement's {@code with} clause, and the person is read by its {@code select}, so the two
 * commit together or not at all, in one round trip. The select is the person row joined to one row per licence,
 * specialist certificate, restriction and education (or to nothing when the person has none); licence rows come
 * first ({@code order by kind}: E, L, R, S), so certificates and restrictions find theirs.
 */
@Repository
class DirectAccessRepository {

    private static final String FIND_PERSON = """
            select p.birth_date, p.given_name, p.family_name, p.sex, p.folkbokforingsort, p.protected_identity,
                p.deceased, p.prescriber_code, p.prescribing_scope, p.registered_at, p.updated_at,
                c.kind, c.licence_id, c.code, c.first_date, c.second_date, c.text, c.country, c.restriction_id
            from person p
            left join lateral (
                select 'L' as kind, l.id as licence_id, l.profession_code as code, l.licensed_on as first_date,
                    null::date as second_date, null::varchar as text, null::varchar as country,
                    null::bigint as restriction_id
                from licence l where l.identity_number = p.identity_number
                union all
                select 'S', s.licence_id, s.speciality_code, s.certified_on, null, s.speciality_name, null, null
                from specialist_certificate s join licence l on l.id = s.licence_id
                where l.identity_number = p.identity_number
                union all
                select 'R', r.licence_id, r.code, r.valid_from, r.valid_to, r.description, null, r.id
                from restriction r join licence l on l.id = r.licence_id where l.identity_number = p.identity_number
                union all
                select 'E', null, e.profession_code, e.exam_date, null, e.school, e.country, null
                from education e where e.identity_number = p.identity_number
            ) c on true
            where p.identity_number = :identityNumber
            order by c.kind
            """;

    /**
     * The lookup's audit row, from what the statement finds under the identity number: nobody (NOT_FOUND, no items),
     * a protected identity (the items every caller gets for one) or a person (the caller's items).
     */
    private static final String AUDITED_FIND_PERSON = """
            with audit as (
                insert into audit_entry (client_id, organisation, actor_type, access_kind, identity_number, outcome,
                    items, request_id)
                select :clientId, :organisation, :actorType, :accessKind, :identityNumber,
                    case when p.identity_number is null then :notFound
                        when p.protected_identity then :protectedIdentity else :found end,
                    cast(case when p.identity_number is null then :noItems
                        when p.protected_identity then :protectedItems else :callerItems end as smallint[]),
                    :requestId
                from (values (1)) as lookup (one) left join person p on p.identity_number = :identityNumber
            )
            """ + FIND_PERSON;

    private final JdbcClient jdbc;
    private final AuditService audit;

    DirectAccessRepository(JdbcClient jdbc, AuditService audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * The person with everything the register holds, and the read's audit row; runs in the caller's transaction when
     * there is one, otherwise the one statement is its own transaction (so none is started here).
     */
    @Transactional(transactionManager = TransactionConfiguration.DIRECT_ACCESS, propagation = Propagation.SUPPORTS)
    Optional<RegisteredPerson> lookUp(Caller caller, IdentityNumber identityNumber, Set<RegisterItem> protectedItems) {
        var number = identityNumber.value();
        var statement = audit.enabled()
                ? jdbc.sql(AUDITED_FIND_PERSON)
                        .param("clientId", caller.clientId(), Types.VARCHAR)
                        .param("organisation", caller.organisation(), Types.VARCHAR)
                        .param("actorType", caller.actorType(), Types.VARCHAR)
                        .param("accessKind", AccessKind.PERSON_LOOKUP.name(), Types.VARCHAR)
                        .param("notFound", AuditRecord.NOT_FOUND, Types.VARCHAR)
                        .param("protectedIdentity", AuditRecord.PROTECTED_IDENTITY, Types.VARCHAR)
                        .param("found", AuditRecord.FOUND, Types.VARCHAR)
                        .param("noItems", AuditRecord.itemsLiteral(Set.of()), Types.VARCHAR)
                        .param("protectedItems", AuditRecord.itemsLiteral(protectedItems), Types.VARCHAR)
                        .param("callerItems", AuditRecord.itemsLiteral(caller.items()), Types.VARCHAR)
                        .param("requestId", RequestIdFilter.current(), Types.VARCHAR)
                : jdbc.sql(FIND_PERSON);
        return statement.param("identityNumber", number, Types.VARCHAR).query(rs -> {
            if (!rs.next()) {
                return Optional.<RegisteredPerson>empty();
            }
            var educations = new ArrayList<RegisteredEducation>(2);
            var licences = new LinkedHashMap<Long, LicenceParts>(4);
            var found = new RegisteredPerson(
                    new RegisteredPerson.Identity(
                            identityNumber,
                            rs.getObject(1, LocalDate.class),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getBoolean(6),
                            rs.getBoolean(7)),
                    new ArrayList<>(2),
                    educations,
                    new RegisteredPerson.Prescribing(rs.getString(8), rs.getString(9)),
                    new RegisteredPerson.Recorded(
                            rs.getObject(10, OffsetDateTime.class).toInstant(),
                            rs.getObject(11, OffsetDateTime.class).toInstant()));
            do {
                var kind = rs.getString(12);
                if (kind == null) {
                    break;
                }
                var code = rs.getString(14);
                var firstDate = rs.getObject(15, LocalDate.class);
                switch (kind) {
                    case "E" ->
                        educations.add(new RegisteredEducation(code, rs.getString(17), rs.getString(18), firstDate));
                    case "L" ->
                        licences.put(
                                rs.getLong(13),
                                new LicenceParts(
                                        Profession.of(code), firstDate, new ArrayList<>(2), new ArrayList<>(1)));
                    case "R" ->
                        licences.get(rs.getLong(13))
                                .restrictions()
                                .add(new RegisteredRestriction(
                                        rs.getLong(19),
                                        code,
                                        RestrictionCode.of(code).title(),
                                        firstDate,
                                        rs.getObject(16, LocalDate.class),
                                        rs.getString(17)));
                    default ->
                        licences.get(rs.getLong(13))
                                .certificates()
                                .add(new RegisteredSpecialistCertificate(code, rs.getString(17), firstDate));
                }
            } while (rs.next());
            educations.sort(Comparator.comparing(RegisteredEducation::examDate));
            licences.values().stream()
                    .map(LicenceParts::toRecord)
                    .sorted(Comparator.comparing(RegisteredLicence::licensedOn)
                            .thenComparing(RegisteredLicence::professionCode))
                    .forEach(found.licences()::add);
            return Optional.of(found);
        });
    }

    private record LicenceParts(
            Profession profession,
            LocalDate licensedOn,
            List<RegisteredSpecialistCertificate> certificates,
            List<RegisteredRestriction> restrictions) {

        RegisteredLicence toRecord() {
            certificates.sort(Comparator.comparing(RegisteredSpecialistCertificate::certifiedOn)
                    .thenComparing(RegisteredSpecialistCertificate::specialityCode));
            restrictions.sort(
                    Comparator.comparing(RegisteredRestriction::validFrom).thenComparing(RegisteredRestriction::id));
            return new RegisteredLicence(
                    profession.code(),
                    profession.title(),
                    licensedOn,
                    List.copyOf(certificates),
                    List.copyOf(restrictions));
        }
    }
}
