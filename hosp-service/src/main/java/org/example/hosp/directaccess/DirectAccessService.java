package org.example.hosp.directaccess;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.example.hosp.access.Caller;
import org.example.hosp.access.DirectAccessNotPermittedException;
import org.example.hosp.access.RegisterItem;
import org.example.hosp.audit.AccessKind;
import org.example.hosp.audit.AuditRecord;
import org.example.hosp.audit.AuditService;
import org.example.hosp.identity.IdentityNumber;
import org.example.hosp.identity.MalformedIdentityNumberException;
import org.example.hosp.register.PersonNotFoundException;
import org.example.hosp.register.Profession;
import org.example.hosp.register.RegisterService;
import org.example.hosp.system.TransactionConfiguration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads for callers with direct access; each read and its audit rows commit together or not at all: a lookup as one
 * statement, a licence check in one JDBC transaction (no Hibernate session: everything on this path is plain SQL).
 */
@Service
public class DirectAccessService {

    static final int MAX_CHECKS = 1000;
    private static final Set<RegisterItem> LICENCE_CHECK_ITEMS =
            Set.of(RegisterItem.PROFESSION, RegisterItem.TRIAL_PERIOD_AND_REVOCATION);

    private final DirectAccessRepository lookups;
    private final RegisterService register;
    private final AuditService audit;
    private final Clock clock;

    DirectAccessService(DirectAccessRepository lookups, RegisterService register, AuditService audit, Clock clock) {
        this.lookups = lookups;
        this.register = register;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The person as the caller may see them; an unknown number is audited too, then answered with 404. The read and
     * its audit row are one statement, so one cannot commit without the other.
     */
    public PersonView lookUp(Caller caller, IdentityNumber identityNumber) {
        var person = lookups.lookUp(caller, identityNumber, PersonView.PROTECTED_IDENTITY_ITEMS);
        if (person.isEmpty()) {
            throw new PersonNotFoundException();
        }
        return PersonView.of(person.get(), caller.items());
    }

    /**
     * Whether each person holds each licence today, with one audit row per person looked up, in one insert. A
     * protected identity is answered as an unknown number; its row says PROTECTED_IDENTITY with no items returned.
     */
    @Transactional(transactionManager = TransactionConfiguration.DIRECT_ACCESS)
    public LicenceCheckResults check(Caller caller, LicenceCheckRequest request) {
        if (!caller.items().containsAll(LICENCE_CHECK_ITEMS)) {
            throw new DirectAccessNotPermittedException(
                    caller.actorType(), "licence checks, which need register items 3 and 7");
        }
        var checks = validate(request, clock);
        var numbers = checks.stream().map(ValidCheck::identityNumber).distinct().toList();
        var held = register.licencesHeldToday(numbers);
        var results = checks.stream()
                .map(check -> {
                    var licences = held.get(check.identityNumber());
                    return new LicenceCheckResults.Result(
                            check.identityNumber().value(),
                            check.profession().code(),
                            answersFor(licences) && licences.professions().contains(check.profession()));
                })
                .toList();
        var reads = new ArrayList<AuditRecord>(numbers.size());
        for (var number : numbers) {
            var licences = held.get(number);
            var outcome = licences == null
                    ? AuditRecord.NOT_FOUND
                    : licences.protectedIdentity() ? AuditRecord.PROTECTED_IDENTITY : AuditRecord.FOUND;
            reads.add(new AuditRecord(
                    number, AccessKind.LICENCE_CHECK, outcome, answersFor(licences) ? LICENCE_CHECK_ITEMS : Set.of()));
        }
        audit.recordAll(caller, reads);
        return new LicenceCheckResults(results);
    }

    /**
     * Whether the answer may say anything about the person's licences: not for an unknown number, and not for a
     * protected identity, whose answer is the unknown number's (false, nothing disclosed) so that a check cannot
     * reveal the profession a lookup withholds.
     */
    private static boolean answersFor(RegisterService.PersonLicences licences) {
        return licences != null && !licences.protectedIdentity();
    }

    static List<ValidCheck> validate(LicenceCheckRequest request, Clock clock) {
        if (request == null || request.checks() == null || request.checks().isEmpty()) {
            throw new InvalidLicenceChecksException(
                    "checks must hold 1 to 1,000 entries.", List.of(error("checks", "must hold 1 to 1,000 entries")));
        }
        if (request.checks().size() > MAX_CHECKS) {
            throw new InvalidLicenceChecksException(
                    "checks holds " + request.checks().size() + " entries; at most 1,000 are allowed.",
                    List.of(error("checks", "at most 1,000 entries are allowed")));
        }
        var errors = new ArrayList<Map<String, String>>();
        var valid = new ArrayList<ValidCheck>(request.checks().size());
        for (int i = 0; i < request.checks().size(); i++) {
            var check = request.checks().get(i);
            if (check == null) {
                errors.add(error("checks[" + i + "]", "must not be null"));
                continue;
            }
            IdentityNumber number = null;
            try {
                number = IdentityNumber.parse(check.identityNumber(), clock);
            } catch (MalformedIdentityNumberException e) {
                errors.add(error("checks[" + i + "].identityNumber", e.getMessage()));
            }
            if (!Profession.isCode(check.professionCode())) {
                errors.add(error("checks[" + i + "].professionCode", "is not one of the register's profession codes"));
            }
            if (errors.isEmpty()) {
                valid.add(new ValidCheck(number, Profession.of(check.professionCode())));
            }
        }
        if (!errors.isEmpty()) {
            var first = errors.get(0).get("field");
            throw new InvalidLicenceChecksException(
                    errors.size() + " of the checks are malformed; the first is " + first + ".",
                    errors.size() > 100 ? errors.subList(0, 100) : errors);
        }
        return valid;
    }

    private static Map<String, String> error(String field, String message) {
        var error = new LinkedHashMap<String, String>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    record ValidCheck(IdentityNumber identityNumber, Profession profession) {}
}
