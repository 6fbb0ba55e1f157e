package org.example.deathcertificate.certificate;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.example.deathcertificate.certificate.CauseLine.Specification;
import org.example.deathcertificate.certificate.NewCertificate.Ground;
import org.example.deathcertificate.certificate.NewCertificate.InjuryCause;
import org.example.deathcertificate.certificate.NewCertificate.Operation;
import org.example.deathcertificate.certificate.NewCertificate.PlaceOfDeath;
import org.w3c.dom.Element;
import se.riv.clinicalprocess.healthcond.certificate.registerCertificateResponder.v3.RegisterCertificateType;
import se.riv.clinicalprocess.healthcond.certificate.types.v3.ArbetsplatsKod;
import se.riv.clinicalprocess.healthcond.certificate.types.v3.CVType;
import se.riv.clinicalprocess.healthcond.certificate.types.v3.HsaId;
import se.riv.clinicalprocess.healthcond.certificate.types.v3.IntygId;
import se.riv.clinicalprocess.healthcond.certificate.types.v3.PersonId;
import se.riv.clinicalprocess.healthcond.certificate.types.v3.TypAvIntyg;
import se.riv.clinicalprocess.healthcond.certificate.types.v3.TypAvRelation;
import se.riv.clinicalprocess.healthcond.certificate.v3.Enhet;
import se.riv.clinicalprocess.healthcond.certificate.v3.HosPersonal;
import se.riv.clinicalprocess.healthcond.certificate.v3.Intyg;
import se.riv.clinicalprocess.healthcond.certificate.v3.Patient;
import se.riv.clinicalprocess.healthcond.certificate.v3.Relation;
import se.riv.clinicalprocess.healthcond.certificate.v3.Svar;
import se.riv.clinicalprocess.healthcond.certificate.v3.Vardgivare;

/**
 * A DOI certificate in the RIVTA RegisterCertificate v3 form (intyg with svar/delsvar), read into
 * {@link NewCertificate} and written from it with the classes generated from the official schemas.
 */
public final class DoiIntyg {

    static final String TYPE_CODE_SYSTEM = "b64ea353-e8f6-4832-b563-fc7d46f29548";
    static final String PLACE_CODE_SYSTEM = "65f0069f-14b5-4634-b187-5193580a3349";
    static final String SNOMED_CT = "1.2.752.116.2.1.1.1";
    static final String NULL_FLAVOR = "2.16.840.1.113883.5.1008";
    static final String INJURY_CODE_SYSTEM = "e5d1d1fb-d918-47b4-9e69-483d3be523ee";
    static final String GROUND_CODE_SYSTEM = "f9051865-b97c-4ee3-98ab-db2b7a11176e";
    static final String RELATION_CODE_SYSTEM = "c2362fcd-eda0-4f9a-bd13-b3bbaf7f2146";
    static final String HSA_ID = "1.2.752.129.2.1.4.1";
    static final String REPLACES = "ERSATT";

    private static final JAXBContext JAXB = context();
    private static final se.riv.clinicalprocess.healthcond.certificate.types.v3.ObjectFactory TYPES =
            new se.riv.clinicalprocess.healthcond.certificate.types.v3.ObjectFactory();
    private static final se.riv.clinicalprocess.healthcond.certificate.registerCertificateResponder.v3.ObjectFactory
            RESPONDER =
                    new se.riv.clinicalprocess.healthcond.certificate.registerCertificateResponder.v3.ObjectFactory();

    private DoiIntyg() {}

    /** Reads the answers of a received intyg; throws {@link CertificateValidationException} for an unreadable answer. */
    public static NewCertificate read(Intyg intyg) {
        var answers = new Answers();
        var followingByInstance = new TreeMap<Integer, CauseLine>();
        var contributing = new ArrayList<CauseLine>();
        var grounds = new ArrayList<Ground>();
        for (var svar : intyg.getSvar()) {
            try {
                switch (svar.getId()) {
                    case "1" -> answers.identityVerifiedBy = text(svar, "1.1");
                    case "2" -> {
                        answers.dateOfDeathCertain = bool(text(svar, "2.1"));
                        answers.dateOfDeath = text(svar, "2.2");
                        answers.foundDeadDate = date(text(svar, "2.3"));
                    }
                    case "3" -> {
                        answers.placeOfDeathMunicipality = text(svar, "3.1");
                        var code = code(svar, "3.2");
                        answers.placeOfDeath = code == null ? null : PlaceOfDeath.valueOf(code);
                    }
                    case "4" -> answers.childWithin28Days = bool(text(svar, "4.1"));
                    case "8" -> answers.terminalCause = causeLine(svar, "8");
                    case "9" ->
                        followingByInstance.put(
                                svar.getInstans() == null ? followingByInstance.size() + 1 : svar.getInstans(),
                                causeLine(svar, "9"));
                    case "10" -> contributing.add(causeLine(svar, "10"));
                    case "11" -> {
                        var code = code(svar, "11.1");
                        answers.operation = code != null
                                ? Operation.UPPGIFT_SAKNAS
                                : Boolean.TRUE.equals(bool(text(svar, "11.1"))) ? Operation.JA : Operation.NEJ;
                        answers.operationDate = date(text(svar, "11.2"));
                        answers.operationReason = text(svar, "11.3");
                    }
                    case "12" -> {
                        answers.injuryOrPoisoning = bool(text(svar, "12.1"));
                        var code = code(svar, "12.2");
                        answers.injuryCause = code == null ? null : InjuryCause.valueOf(code);
                        answers.injuryDate = date(text(svar, "12.3"));
                        answers.injuryDescription = text(svar, "12.4");
                    }
                    case "13" -> grounds.add(Ground.valueOf(code(svar, "13.1")));
                    case "14" -> answers.country = text(svar, "14.1");
                    default -> throw new IllegalArgumentException("unexpected svar");
                }
            } catch (RuntimeException e) {
                throw new CertificateValidationException(
                        List.of(new Violation(svarField(svar.getId()), "answer could not be read")));
            }
        }
        var patient = intyg.getPatient();
        var skapadAv = intyg.getSkapadAv();
        String replaces = intyg.getRelation().stream()
                .filter(relation -> relation.getTyp() != null
                        && REPLACES.equals(relation.getTyp().getCode()))
                .map(relation -> relation.getIntygsId().getExtension())
                .findFirst()
                .orElse(null);
        return new NewCertificate(
                new NewCertificate.Identity(
                        intyg.getIntygsId().getExtension(),
                        intyg.getTyp() == null ? null : intyg.getTyp().getCode(),
                        intyg.getVersion()),
                new NewCertificate.Deceased(
                        patient.getPersonId().getExtension(),
                        null,
                        null,
                        patient.getFornamn(),
                        patient.getEfternamn(),
                        answers.identityVerifiedBy),
                new NewCertificate.Death(
                        answers.dateOfDeathCertain,
                        answers.dateOfDeath,
                        answers.foundDeadDate,
                        answers.placeOfDeathMunicipality,
                        answers.placeOfDeath,
                        answers.childWithin28Days),
                new NewCertificate.Causes(
                        answers.terminalCause, new ArrayList<>(followingByInstance.values()), contributing),
                new NewCertificate.Surgery(answers.operation, answers.operationDate, answers.operationReason),
                new NewCertificate.Injury(
                        answers.injuryOrPoisoning, answers.injuryCause, answers.injuryDate, answers.injuryDescription),
                new NewCertificate.Basis(grounds, answers.country, replaces),
                new NewCertificate.Signing(
                        intyg.getSigneringstidpunkt() == null
                                ? null
                                : intyg.getSigneringstidpunkt()
                                        .toGregorianCalendar()
                                        .toZonedDateTime()
                                        .toLocalDateTime(),
                        skapadAv == null || skapadAv.getPersonalId() == null
                                ? null
                                : skapadAv.getPersonalId().getExtension(),
                        skapadAv == null || skapadAv.getEnhet() == null
                                ? null
                                : skapadAv.getEnhet().getEnhetsId().getExtension(),
                        skapadAv == null
                                        || skapadAv.getEnhet() == null
                                        || skapadAv.getEnhet().getVardgivare() == null
                                ? null
                                : skapadAv.getEnhet()
                                        .getVardgivare()
                                        .getVardgivareId()
                                        .getExtension()));
    }

    /**
     * Writes the certificate as a RegisterCertificate message, so that JSON and paper certificates meet the same
     * Schematron rules as those from Webcert. A deceased without personnummer is given the date of birth with
     * 0000 as its last four digits (only the date of birth is read by the rules).
     */
    static byte[] write(NewCertificate c) {
        var intyg = new Intyg();
        var id = new IntygId();
        id.setRoot(c.signing().careUnitId() == null ? "unknown" : c.signing().careUnitId());
        id.setExtension(c.certificateId());
        intyg.setIntygsId(id);
        var typ = new TypAvIntyg();
        typ.setCode(c.identity().type());
        typ.setCodeSystem(TYPE_CODE_SYSTEM);
        intyg.setTyp(typ);
        intyg.setVersion(c.identity().version());
        if (c.signing().signedAt() != null) {
            intyg.setSigneringstidpunkt(timestamp(c.signing().signedAt()));
        }
        intyg.setPatient(patient(c));
        intyg.setSkapadAv(skapadAv(c));
        if (c.basis().replacesCertificateId() != null) {
            var relation = new Relation();
            var relationType = new TypAvRelation();
            relationType.setCode(REPLACES);
            relationType.setCodeSystem(RELATION_CODE_SYSTEM);
            relation.setTyp(relationType);
            var replaced = new IntygId();
            replaced.setRoot("unknown");
            replaced.setExtension(c.basis().replacesCertificateId());
            relation.setIntygsId(replaced);
            intyg.getRelation().add(relation);
        }
        var svar = intyg.getSvar();
        svar.add(svar("1", null, delsvar("1.1", c.deceased().identityVerifiedBy())));
        svar.add(svar(
                "2",
                null,
                delsvar("2.1", c.death().dateOfDeathCertain()),
                delsvar("2.2", c.death().dateOfDeath()),
                delsvar("2.3", c.death().foundDeadDate())));
        svar.add(svar(
                "3",
                null,
                delsvar("3.1", c.death().placeOfDeathMunicipality()),
                cv(
                        "3.2",
                        c.death().placeOfDeath() == null
                                ? null
                                : c.death().placeOfDeath().name(),
                        PLACE_CODE_SYSTEM)));
        svar.add(svar("4", null, delsvar("4.1", c.death().childWithin28Days())));
        svar.add(causeSvar("8", null, c.causes().terminalCause()));
        for (int i = 0; i < c.causes().followingCauses().size(); i++) {
            svar.add(causeSvar("9", i + 1, c.causes().followingCauses().get(i)));
        }
        for (var condition : c.causes().contributingConditions()) {
            svar.add(causeSvar("10", null, condition));
        }
        var operation = c.surgery().operation() == Operation.UPPGIFT_SAKNAS
                ? cv("11.1", "NI", NULL_FLAVOR)
                : delsvar(
                        "11.1",
                        c.surgery().operation() == null ? null : c.surgery().operation() == Operation.JA);
        svar.add(svar(
                "11",
                null,
                operation,
                delsvar("11.2", c.surgery().operationDate()),
                delsvar("11.3", c.surgery().operationReason())));
        svar.add(svar(
                "12",
                null,
                delsvar("12.1", c.injury().injuryOrPoisoning()),
                cv(
                        "12.2",
                        c.injury().injuryCause() == null
                                ? null
                                : c.injury().injuryCause().name(),
                        INJURY_CODE_SYSTEM),
                delsvar("12.3", c.injury().injuryDate()),
                delsvar("12.4", c.injury().injuryDescription())));
        for (var ground : c.basis().grounds()) {
            svar.add(svar("13", null, cv("13.1", ground.name(), GROUND_CODE_SYSTEM)));
        }
        if (c.basis().country() != null) {
            svar.add(svar("14", null, delsvar("14.1", c.basis().country())));
        }
        svar.removeIf(s -> s.getDelsvar().isEmpty());
        var message = new RegisterCertificateType();
        message.setIntyg(intyg);
        try {
            var out = new ByteArrayOutputStream(8192);
            JAXB.createMarshaller().marshal(RESPONDER.createRegisterCertificate(message), out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("Could not write the certificate as XML", e);
        }
    }

    private static Patient patient(NewCertificate c) {
        var patient = new Patient();
        var personId = new PersonId();
        if (c.deceased().personnummer() != null) {
            personId.setRoot(
                    Personnummer.problem(c.deceased().personnummer()).isEmpty()
                            ? new Personnummer(c.deceased().personnummer()).oid()
                            : Personnummer.PERSONNUMMER_OID);
            personId.setExtension(c.deceased().personnummer());
        } else {
            personId.setRoot(Personnummer.PERSONNUMMER_OID);
            personId.setExtension(
                    c.deceased().birthDate() == null
                            ? "000000000000"
                            : c.deceased().birthDate().toString().replace("-", "") + "0000");
        }
        patient.setPersonId(personId);
        patient.setFornamn(c.deceased().firstName() == null ? "" : c.deceased().firstName());
        patient.setEfternamn(c.deceased().lastName() == null ? "" : c.deceased().lastName());
        patient.setPostadress("");
        patient.setPostnummer("");
        patient.setPostort("");
        return patient;
    }

    private static HosPersonal skapadAv(NewCertificate c) {
        var person = new HosPersonal();
        person.setPersonalId(hsaId(c.signing().signedBy()));
        person.setFullstandigtNamn("");
        var enhet = new Enhet();
        enhet.setEnhetsId(hsaId(c.signing().careUnitId()));
        var arbetsplatskod = new ArbetsplatsKod();
        arbetsplatskod.setRoot("1.2.752.29.4.71");
        arbetsplatskod.setExtension("0");
        enhet.setArbetsplatskod(arbetsplatskod);
        enhet.setEnhetsnamn("");
        enhet.setPostadress("");
        enhet.setPostnummer("");
        enhet.setPostort("");
        enhet.setTelefonnummer("");
        var vardgivare = new Vardgivare();
        vardgivare.setVardgivareId(hsaId(c.signing().careProviderId()));
        vardgivare.setVardgivarnamn("");
        enhet.setVardgivare(vardgivare);
        person.setEnhet(enhet);
        return person;
    }

    private static HsaId hsaId(String extension) {
        var id = new HsaId();
        id.setRoot(HSA_ID);
        id.setExtension(extension == null ? "unknown" : extension);
        return id;
    }

    private static Svar causeSvar(String id, Integer instance, CauseLine line) {
        if (line == null) {
            return svar(id, instance);
        }
        var specification = line.specification() == null
                ? null
                : line.specification() == Specification.UPPGIFT_SAKNAS
                        ? cv(id + ".3", "NI", NULL_FLAVOR)
                        : cv(id + ".3", line.specification().code(), SNOMED_CT);
        return svar(
                id,
                instance,
                delsvar(id + ".1", line.description()),
                delsvar(id + ".2", line.onsetDate()),
                specification);
    }

    private static Svar svar(String id, Integer instance, Svar.Delsvar... parts) {
        var svar = new Svar();
        svar.setId(id);
        svar.setInstans(instance);
        for (var part : parts) {
            if (part != null) {
                svar.getDelsvar().add(part);
            }
        }
        return svar;
    }

    private static Svar.Delsvar delsvar(String id, Object value) {
        if (value == null) {
            return null;
        }
        var delsvar = new Svar.Delsvar();
        delsvar.setId(id);
        delsvar.getContent().add(value.toString());
        return delsvar;
    }

    private static Svar.Delsvar cv(String id, String code, String codeSystem) {
        if (code == null) {
            return null;
        }
        var cv = new CVType();
        cv.setCode(code);
        cv.setCodeSystem(codeSystem);
        var delsvar = new Svar.Delsvar();
        delsvar.setId(id);
        delsvar.getContent().add(TYPES.createCv(cv));
        return delsvar;
    }

    private static CauseLine causeLine(Svar svar, String id) {
        var code = code(svar, id + ".3");
        return new CauseLine(
                text(svar, id + ".1"), date(text(svar, id + ".2")), code == null ? null : Specification.ofCode(code));
    }

    private static Svar.Delsvar find(Svar svar, String id) {
        return svar.getDelsvar().stream()
                .filter(d -> id.equals(d.getId()))
                .findFirst()
                .orElse(null);
    }

    private static String text(Svar svar, String id) {
        var delsvar = find(svar, id);
        if (delsvar == null) {
            return null;
        }
        var text = new StringBuilder();
        for (var part : delsvar.getContent()) {
            if (part instanceof String s) {
                text.append(s);
            }
        }
        var value = text.toString().strip();
        return value.isEmpty() ? null : value;
    }

    private static String code(Svar svar, String id) {
        var delsvar = find(svar, id);
        if (delsvar == null) {
            return null;
        }
        for (var part : delsvar.getContent()) {
            if (part instanceof JAXBElement<?> element && element.getValue() instanceof CVType cv) {
                return cv.getCode() == null ? null : cv.getCode().strip();
            }
            if (part instanceof CVType cv) {
                return cv.getCode() == null ? null : cv.getCode().strip();
            }
            if (part instanceof Element element && "cv".equals(element.getLocalName())) {
                var codes = element.getElementsByTagNameNS("*", "code");
                return codes.getLength() == 0
                        ? null
                        : codes.item(0).getTextContent().strip();
            }
        }
        return null;
    }

    private static Boolean bool(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static XMLGregorianCalendar timestamp(LocalDateTime time) {
        try {
            return DatatypeFactory.newInstance()
                    .newXMLGregorianCalendar(
                            time.withNano(0).toString().length() == 16
                                    ? time.withNano(0) + ":00"
                                    : time.withNano(0).toString());
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(RegisterCertificateType.class, CVType.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("No JAXB context for RegisterCertificate", e);
        }
    }

    /** The single answers while they are read, before they become a record. */
    /** Names the answer by its id when it is one of the form's question numbers; never echoes another value sent. */
    private static String svarField(String id) {
        return id != null && id.matches("\\d{1,2}") ? "svar[@id='" + id + "']" : "svar";
    }

    private static final class Answers {
        String identityVerifiedBy;
        Boolean dateOfDeathCertain;
        String dateOfDeath;
        LocalDate foundDeadDate;
        String placeOfDeathMunicipality;
        PlaceOfDeath placeOfDeath;
        Boolean childWithin28Days;
        CauseLine terminalCause;
        Operation operation;
        LocalDate operationDate;
        String operationReason;
        Boolean injuryOrPoisoning;
        InjuryCause injuryCause;
        LocalDate injuryDate;
        String injuryDescription;
        String country;
    }
}
