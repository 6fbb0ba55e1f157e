package org.example.deathcertificate.rivta;

import jakarta.xml.ws.Endpoint;
import java.util.HashMap;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes the two responders under {@code cxf.path} (/services) with the official WSDLs, XSD validation of the
 * requests, and the interceptor that keeps the received bytes and refuses oversized or DTD-carrying messages, and
 * {@link ClientFaults}, which answers an unreadable request as soap:Client with a text of its own.
 */
@Configuration(proxyBeanMethods = false)
class RivtaEndpointConfiguration {

    @Bean
    Endpoint registerCertificateEndpoint(Bus bus, RegisterCertificateResponder responder, RivtaProperties properties) {
        return publish(
                bus,
                responder,
                RegisterCertificateResponder.WSDL,
                "urn:riv:clinicalprocess:healthcond:certificate:RegisterCertificate:3:rivtabp21",
                "RegisterCertificateResponder",
                RegisterCertificateResponder.ADDRESS,
                properties);
    }

    @Bean
    Endpoint revokeCertificateEndpoint(Bus bus, RevokeCertificateResponder responder, RivtaProperties properties) {
        return publish(
                bus,
                responder,
                RevokeCertificateResponder.WSDL,
                "urn:riv:clinicalprocess:healthcond:certificate:RevokeCertificate:2:rivtabp21",
                "RevokeCertificateResponder",
                RevokeCertificateResponder.ADDRESS,
                properties);
    }

    private static Endpoint publish(
            Bus bus,
            Object responder,
            String wsdl,
            String namespace,
            String name,
            String address,
            RivtaProperties properties) {
        var endpoint = new EndpointImpl(bus, responder);
        endpoint.setWsdlLocation(wsdl);
        endpoint.setServiceName(new QName(namespace, name + "Service"));
        endpoint.setEndpointName(new QName(namespace, name + "Port"));
        var settings = new HashMap<String, Object>();
        settings.put("schema-validation-enabled", "IN");
        settings.put("jaxb-validation-event-handler", new SchemaErrors());
        endpoint.setProperties(settings);
        endpoint.getInInterceptors().add(new ReceivedMessage.Interceptor(properties.maxMessageBytes()));
        endpoint.getOutFaultInterceptors().add(new ClientFaults());
        endpoint.publish(address);
        return endpoint;
    }
}
