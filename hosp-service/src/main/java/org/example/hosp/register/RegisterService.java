package org.example.hosp.register;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.example.hosp.access.RegisterItem;
import org.example.hosp.changes.ChangeKind;
import org.example.hosp.changes.ChangeService;
import org.example.hosp.changes.NewChange;
import org.example.hosp.identity.IdentityNumber;
import org.example.hosp.system.TransactionConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
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
