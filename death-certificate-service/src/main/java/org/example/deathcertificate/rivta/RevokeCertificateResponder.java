package org.example.deathcertificate.rivta;

import jakarta.jws.WebService;
import org.example.deathcertificate.certificate.CertificateAlreadyRevokedException;
import org.example.deathcertificate.certificate.CertificateNotFoundException;
import org.example.deathcertificate.certificate.CertificateService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.riv.clinicalprocess.healthcond.certificate.revokeCertificate.v2.rivtabp21.RevokeCertificateResponderInterface;
import se.riv.clinicalprocess.healthcond.certificate.revokeCertificateResponder.v2.RevokeCertificateResponseType;
import se.riv.clinicalprocess.healthcond.certificate.revokeCertificateResponder.v2.RevokeCertificateType;
import se.riv.clinicalprocess.healthcond.certificate.v3.ErrorIdType;
import se.riv.clinicalprocess.healthcond.certificate.v3.ResultType;

/**
 * RevokeCertificate v2 as Intygstjänsten answers it: OK when revoked (the certificate is kept, marked revoked), INFO
 * when it already was, and ERROR/APPLICATION_ERROR "Certificate X does not exist for patient." for an unknown id, so
 * that a revocation overtaking its registration is sent again.
 */
@Component
@WebService(
        serviceName = "RevokeCertificateResponderService",
        portName = "RevokeCertificateResponderPort",
        targetNamespace = "urn:riv:clinicalprocess:healthcond:certificate:RevokeCertificate:2:rivtabp21",
        endpointInterface =
                "se.riv.clinicalprocess.healthcond.certificate.revokeCertificate.v2.rivtabp21.RevokeCertificateResponderInterface",
        wsdlLocation = RevokeCertificateResponder.WSDL)
class RevokeCertificateResponder implements RevokeCertificateResponderInterface {

    static final String WSDL =
            "classpath:wsdl/rivta-certificate-v3/interactions/RevokeCertificateInteraction/RevokeCertificateInteraction_2.0_RIVTABP21.wsdl";
    static final String ADDRESS = "/clinicalprocess/healthcond/certificate/RevokeCertificate/2/rivtabp21";

    private static final Logger log = LoggerFactory.getLogger(RevokeCertificateResponder.class);

    private final CertificateService certificates;
    private final RivtaProperties properties;

    RevokeCertificateResponder(CertificateService certificates, RivtaProperties properties) {
        this.certificates = certificates;
        this.properties = properties;
    }

    @Override
    public RevokeCertificateResponseType revokeCertificate(String logicalAddress, RevokeCertificateType parameters) {
        var response = new RevokeCertificateResponseType();
        response.setResult(result(logicalAddress, parameters));
        return response;
    }

    private ResultType result(String logicalAddress, RevokeCertificateType parameters) {
        var schemaErrors = SchemaErrors.current();
        if (!schemaErrors.isEmpty()) {
            return RivtaResults.error(ErrorIdType.VALIDATION_ERROR, String.join(";", schemaErrors));
        }
        if (logicalAddress == null || !properties.logicalAddresses().contains(logicalAddress.strip())) {
            return RivtaResults.error(ErrorIdType.VALIDATION_ERROR, "LogicalAddress is not this receiver");
        }
        var certificateId = parameters.getIntygsId().getExtension();
        var personnummer = parameters.getPatientPersonId() == null
                ? null
                : parameters.getPatientPersonId().getExtension();
        try {
            certificates.revoke(certificateId, personnummer, parameters.getMeddelande());
            return RivtaResults.ok();
        } catch (CertificateNotFoundException e) {
            log.warn("RevokeCertificate: no such certificate for the patient");
            return RivtaResults.error(ErrorIdType.APPLICATION_ERROR, "Certificate does not exist for patient.");
        } catch (CertificateAlreadyRevokedException e) {
            return RivtaResults.info(e.getMessage());
        } catch (RuntimeException e) {
            log.error("RevokeCertificate could not be stored", e);
            return RivtaResults.error(
                    ErrorIdType.TECHNICAL_ERROR, "The revocation could not be stored now; send it again");
        }
    }
}
