package org.example.deathcertificate.rivta;

import jakarta.jws.WebService;
import org.example.deathcertificate.certificate.CertificateConflictException;
import org.example.deathcertificate.certificate.CertificateService;
import org.example.deathcertificate.certificate.CertificateValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import se.riv.clinicalprocess.healthcond.certificate.registerCertificate.v3.rivtabp21.RegisterCertificateResponderInterface;
import se.riv.clinicalprocess.healthcond.certificate.registerCertificateResponder.v3.RegisterCertificateResponseType;
import se.riv.clinicalprocess.healthcond.certificate.registerCertificateResponder.v3.RegisterCertificateType;
import se.riv.clinicalprocess.healthcond.certificate.v3.ErrorIdType;
import se.riv.clinicalprocess.healthcond.certificate.v3.ResultType;

/**
 * RegisterCertificate v3 as Intygstjänsten answers it: OK once stored (committed), INFO "Certificate already exists"
 * for the same certificate from the same sender stored before, ERROR/VALIDATION_ERROR naming what is wrong (also an
 * id stored before with other content or from another sender), ERROR/TECHNICAL_ERROR when it could not be
 * stored now (the sender sends it again).
 */
@Component
@WebService(
        serviceName = "RegisterCertificateResponderService",
        portName = "RegisterCertificateResponderPort",
        targetNamespace = "urn:riv:clinicalprocess:healthcond:certificate:RegisterCertificate:3:rivtabp21",
        endpointInterface =
                "se.riv.clinicalprocess.healthcond.certificate.registerCertificate.v3.rivtabp21.RegisterCertificateResponderInterface",
        wsdlLocation = RegisterCertificateResponder.WSDL)
class RegisterCertificateResponder implements RegisterCertificateResponderInterface {

    static final String WSDL =
            "classpath:wsdl/rivta-certificate-v3/interactions/RegisterCertificateInteraction/RegisterCertificateInteraction_3.0_RIVTABP21.wsdl";
    static final String ADDRESS = "/clinicalprocess/healthcond/certificate/RegisterCertificate/3/rivtabp21";
    static final String RESPONDER_NAMESPACE =
            "urn:riv:clinicalprocess:healthcond:certificate:RegisterCertificateResponder:3";
    static final String ALREADY_EXISTS = "Certificate already exists";

    private static final Logger log = LoggerFactory.getLogger(RegisterCertificateResponder.class);

    private final CertificateService certificates;
    private final RivtaProperties properties;

    RegisterCertificateResponder(CertificateService certificates, RivtaProperties properties) {
        this.certificates = certificates;
        this.properties = properties;
    }

    @Override
    public RegisterCertificateResponseType registerCertificate(
            String logicalAddress, RegisterCertificateType parameters) {
        return answer(result(logicalAddress, parameters));
    }

    private ResultType result(String logicalAddress, RegisterCertificateType parameters) {
        var schemaErrors = SchemaErrors.current();
        if (!schemaErrors.isEmpty()) {
            log.warn("RegisterCertificate refused: {} XSD error(s)", schemaErrors.size());
            return RivtaResults.error(ErrorIdType.VALIDATION_ERROR, String.join(";", schemaErrors));
        }
        if (logicalAddress == null || !properties.logicalAddresses().contains(logicalAddress.strip())) {
            return RivtaResults.error(ErrorIdType.VALIDATION_ERROR, "LogicalAddress is not this receiver");
        }
        try {
            var message = ReceivedMessage.current();
            var original = ReceivedMessage.element(message, RESPONDER_NAMESPACE, "RegisterCertificate");
            var registration = certificates.registerReceived(message, original, parameters.getIntyg(), sender());
            return registration.created() ? RivtaResults.ok() : RivtaResults.info(ALREADY_EXISTS);
        } catch (CertificateConflictException e) {
            return RivtaResults.error(ErrorIdType.VALIDATION_ERROR, e.getMessage());
        } catch (CertificateValidationException e) {
            log.warn(
                    "RegisterCertificate refused: {} rule(s) broken",
                    e.violations().size());
            return RivtaResults.error(ErrorIdType.VALIDATION_ERROR, e.getMessage());
        } catch (RuntimeException e) {
            log.error("RegisterCertificate could not be stored; the sender is told to send it again", e);
            return RivtaResults.error(
                    ErrorIdType.TECHNICAL_ERROR, "The certificate could not be stored now; send it again");
        }
    }

    /** The authenticated caller: the bearer token's client, or the platform's certificate subject over mutual TLS. */
    private static String sender() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            throw new IllegalStateException("RegisterCertificate reached the responder unauthenticated");
        }
        return authentication.getName();
    }

    private static RegisterCertificateResponseType answer(ResultType result) {
        var response = new RegisterCertificateResponseType();
        response.setResult(result);
        return response;
    }
}
