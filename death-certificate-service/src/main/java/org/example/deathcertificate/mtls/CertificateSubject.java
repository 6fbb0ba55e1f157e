package org.example.deathcertificate.mtls;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.security.auth.x500.X500Principal;

/**
 * Who a client certificate names: the subject's serialNumber (2.5.4.5, where Swedish organisation certificates carry
 * the organisation number or HSA-id), else its CN.
 */
final class CertificateSubject {

    private static final String SERIAL_NUMBER_OID = "2.5.4.5";

    private CertificateSubject() {}

    static Optional<String> of(X509Certificate certificate) {
        var name = certificate
                .getSubjectX500Principal()
                .getName(X500Principal.RFC2253, Map.of(SERIAL_NUMBER_OID, "SERIALNUMBER"));
        try {
            var rdns = new LdapName(name).getRdns();
            var serialNumber = rdns.stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase("SERIALNUMBER"))
                    .findFirst();
            var commonName = rdns.stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
                    .findFirst();
            return serialNumber
                    .or(() -> commonName)
                    .map(rdn -> rdn.getValue().toString().strip())
                    .filter(value -> !value.isEmpty());
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
