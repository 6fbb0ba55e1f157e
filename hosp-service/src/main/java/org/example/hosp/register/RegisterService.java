package org.example.hosp.register;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.example.hosp.access.RegisterItem;
import org.example.hosp.audit.AuditInsert;
import org.example.hosp.changes.ChangeKind;
import org.example.hosp.changes.ChangeService;
import org.example.hosp.changes.NewChange;
import org.example.hosp.identity.IdentityNumber;
import org.example.hosp.system.TransactionConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads the register for the other features, and carries out the registrar's updates, each with its change event. */
@Service
@Transactional(readOnly = true)
public class RegisterService {

    private final PersonRepository persons;
    private final JdbcClient jdbc;
    private final ChangeService changes;
    private final Clock clock;

    RegisterService(PersonRepository persons, JdbcClient jdbc, ChangeService changes, Clock clock) {
        this.persons = persons;
        this.jdbc = jdbc;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * The person with everything the register holds; runs in the caller's transaction when there is one. This is
     * the hot path of direct access, so it is one prepared statement (one round trip): the person row, joined to one
     * row per licence, specialist certificate, restriction and education, or to nothing when the person has none.
     * Licence rows come first ({@code order by kind}: E, L, R, S), so certificates and restrictions find theirs.
     * The audit row of the read is written by the same statement ({@link AuditInsert}); the statement is then its
     * own transaction, so none is started here (one in progress is joined) and the read is not read-only.
     */
    @Transactional(transactionManager = TransactionConfiguration.DIRECT_ACCESS, propagation = Propagation.SUPPORTS)
    public Optional<RegisteredPerson> find(IdentityNumber identityNumber, AuditInsert audit) {
        var statement = jdbc.sql(audit.withClause() + FIND_PERSON);
        int index = 1;
        for (var parameter : audit.parameters()) {
            statement = statement.param(index++, parameter, Types.VARCHAR);
        }
        return statement.param(index, identityNumber.value(), Types.VARCHAR).query(rs -> {
            if (!rs.next()) {
                return Optional.<RegisteredPerson>empty();
            }
            var educations = new ArrayList<RegisteredEducation>(2);
            var licences = new LinkedHashMap<Long, LicenceParts>(4);
            var found = new RegisteredPerson(
                    identityNumber,
                    rs.getObject(1, LocalDate.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getBoolean(6),
                    rs.getBoolean(7),
                    new ArrayList<>(2),
                    educations,
                    rs.getString(8),
                    rs.getString(9),
                    rs.getObject(10, OffsetDateTime.class).toInstant(),
                    rs.getObject(11, OffsetDateTime.class).toInstant());
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
            where p.identity_number = ?
            order by c.kind
            """;

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

    /**
     * For each known person among the numbers, the professions the person holds a licence in today (issued, not
     * revoked, and the person alive). Unknown numbers are absent from the answer. One query for all numbers.
     */
    @Transactional(transactionManager = TransactionConfiguration.DIRECT_ACCESS, readOnly = true)
    public Map<IdentityNumber, PersonLicences> licencesHeldToday(Collection<IdentityNumber> numbers) {
        var today = LocalDate.now(clock);
        var held = new HashMap<IdentityNumber, PersonLicences>();
        var byValue = new HashMap<String, IdentityNumber>();
        numbers.forEach(number -> byValue.put(number.value(), number));
        jdbc.sql("""
                select p.identity_number, p.protected_identity, p.deceased, l.profession_code
                from person p
                left join licence l on l.identity_number = p.identity_number and l.licensed_on <= :today
                    and not exists (select 1 from restriction r where r.licence_id = l.id and r.code = '001'
                        and r.valid_from <= :today and (r.valid_to is null or r.valid_to >= :today))
                where p.identity_number = any(:numbers)
                """)
                .param("today", today)
                .param("numbers", byValue.keySet().toArray(String[]::new))
                .query(rs -> {
                    var number = byValue.get(rs.getString(1));
                    var protectedIdentity = rs.getBoolean(2);
                    var deceased = rs.getBoolean(3);
                    var code = rs.getString(4);
                    var entry = held.computeIfAbsent(
                            number, n -> new PersonLicences(protectedIdentity, EnumSet.noneOf(Profession.class)));
                    if (code != null && !deceased) {
                        entry.professions().add(Profession.of(code));
                    }
                });
        return held;
    }

    @Transactional
    public RegisteredLicence issueLicence(IdentityNumber identityNumber, NewLicence request, String registrar) {
        var person = load(identityNumber);
        var profession = Profession.of(request.professionCode());
        var licence = person.issueLicence(profession, request.licensedOn(), today(), clock.instant());
        persons.flush();
        publish(
                identityNumber,
                ChangeKind.LICENCE_ISSUED,
                EnumSet.of(RegisterItem.PROFESSION, RegisterItem.ISSUE_DATES),
                profession,
                null,
                null,
                request.licensedOn(),
                registrar);
        return RegisteredLicence.of(licence);
    }

    @Transactional
    public RegisteredLicence addSpecialistCertificate(
            IdentityNumber identityNumber, String professionCode, NewSpecialistCertificate request, String registrar) {
        var person = load(identityNumber);
        var profession = Profession.of(professionCode);
        var licence = person.licenceOrThrow(profession);
        licence.addSpecialistCertificate(
                request.specialityCode(), request.specialityName(), request.certifiedOn(), today());
        person.touch(clock.instant());
        persons.flush();
        changes.record(new NewChange(
                identityNumber,
                ChangeKind.SPECIALIST_CERTIFICATE_ADDED,
                EnumSet.of(RegisterItem.PROFESSION, RegisterItem.SPECIALITY, RegisterItem.ISSUE_DATES),
                profession.code(),
                request.specialityCode(),
                null,
                null,
                request.certifiedOn(),
                registrar));
        return RegisteredLicence.of(licence);
    }

    @Transactional
    public RegisteredRestriction restrict(
            IdentityNumber identityNumber, String professionCode, NewRestriction request, String registrar) {
        var person = load(identityNumber);
        var profession = Profession.of(professionCode);
        var code = RestrictionCode.of(request.code());
        var restriction = person.licenceOrThrow(profession)
                .restrict(code, request.validFrom(), request.validTo(), request.description(), today());
        person.touch(clock.instant());
        persons.flush();
        publish(
                identityNumber,
                ChangeKind.RESTRICTION_ADDED,
                EnumSet.of(RegisterItem.PROFESSION, code.item()),
                profession,
                restriction,
                null,
                request.validFrom(),
                registrar);
        return RegisteredRestriction.of(restriction);
    }

    @Transactional
    public RegisteredRestriction revoke(
            IdentityNumber identityNumber, String professionCode, LicenceRevocation request, String registrar) {
        var person = load(identityNumber);
        var profession = Profession.of(professionCode);
        var restriction = person.licenceOrThrow(profession).revoke(request.revokedOn(), request.description(), today());
        person.touch(clock.instant());
        persons.flush();
        publish(
                identityNumber,
                ChangeKind.LICENCE_REVOKED,
                EnumSet.of(RegisterItem.PROFESSION, RegisterItem.TRIAL_PERIOD_AND_REVOCATION),
                profession,
                restriction,
                null,
                request.revokedOn(),
                registrar);
        return RegisteredRestriction.of(restriction);
    }

    @Transactional
    public RegisteredRestriction lift(
            IdentityNumber identityNumber, long restrictionId, RestrictionLifting request, String registrar) {
        var person = load(identityNumber);
        var restriction =
                person.restriction(restrictionId).orElseThrow(() -> new RestrictionNotFoundException(restrictionId));
        restriction.lift(request.liftedOn(), today());
        person.touch(clock.instant());
        persons.flush();
        publish(
                identityNumber,
                ChangeKind.RESTRICTION_LIFTED,
                EnumSet.of(RegisterItem.PROFESSION, restriction.code().item()),
                restriction.getLicence().getProfession(),
                restriction,
                null,
                request.liftedOn(),
                registrar);
        return RegisteredRestriction.of(restriction);
    }

    private void publish(
            IdentityNumber identityNumber,
            ChangeKind kind,
            Set<RegisterItem> items,
            Profession profession,
            Restriction restriction,
            String specialityCode,
            LocalDate effectiveOn,
            String registrar) {
        changes.record(new NewChange(
                identityNumber,
                kind,
                items,
                profession.code(),
                specialityCode,
                restriction == null ? null : restriction.getId(),
                restriction == null ? null : restriction.code().code(),
                effectiveOn,
                registrar));
    }

    private Person load(IdentityNumber identityNumber) {
        return persons.findComplete(identityNumber.value()).orElseThrow(PersonNotFoundException::new);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The professions a person holds a licence in today, and whether the identity is protected. */
    public record PersonLicences(boolean protectedIdentity, Set<Profession> professions) {}
}
