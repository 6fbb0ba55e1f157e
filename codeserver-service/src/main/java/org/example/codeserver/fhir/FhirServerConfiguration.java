package org.example.codeserver.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.i18n.Msg;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.example.platform.web.RequestIdFilter;
import org.hl7.fhir.r4.model.Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/** The HAPI FHIR plain server, mounted at /fhir, with the terminology controllers registered. */
@Configuration(proxyBeanMethods = false)
class FhirServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FhirServerConfiguration.class);
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGE_SIZE = 1_000;
    private static final int PAGES_KEPT = 50;

    /**
     * The server's own R4 context (not the JVM-wide cached one, whose options are shared). Nothing the server answers
     * refers to a resource object without an id, so the parser's pass that looks for such references to contain them
     * is switched off: it walked every element of every answer.
     */
    @Bean
    FhirContext fhirContext() {
        var fhir = FhirContext.forR4();
        fhir.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        return fhir;
    }

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(
            FhirContext fhir,
            FhirCodeSystemController codeSystems,
            FhirValueSetController valueSets,
            FhirConceptMapController conceptMaps,
            FhirMetadataController metadata) {
        RestfulServer server = new TerminologyServer(fhir);
        server.setResourceProviders(List.of(codeSystems, valueSets, conceptMaps));
        server.setPagingProvider(pages());
        server.setServerConformanceProvider(metadata);
        server.setDefaultPrettyPrint(false);
        server.registerInterceptor(new TerminologyCapabilitiesInterceptor(fhir, metadata));
        server.registerInterceptor(new ErrorInterceptor());
        server.registerInterceptor(new ParametersInterceptor(new ParametersJson(fhir)));
        var registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /**
     * Search results come in pages: {@code _count} (default {@value #PAGE_SIZE}, at most {@value #MAX_PAGE_SIZE}) with
     * {@code next} links; the last {@value #PAGES_KEPT} result lists are kept for those links.
     */
    private static FifoMemoryPagingProvider pages() {
        var pages = new FifoMemoryPagingProvider(PAGES_KEPT);
        pages.setDefaultPageSize(PAGE_SIZE);
        pages.setMaximumPageSize(MAX_PAGE_SIZE);
        return pages;
    }

    /**
     * Spring Security asks Spring MVC's {@code HandlerMappingIntrospector} about every request, also those for the HAPI
     * servlet, and the introspector tried every MVC mapping (all controllers, actuator, static resources) on each
     * {@code /fhir} request before giving up. This mapping, consulted first, claims the FHIR servlet's requests at once
     * (and no others). The DispatcherServlet never receives them (the container routes {@code /fhir/*} to HAPI), so its
     * handler never runs.
     */
    @Bean
    FhirServletRequests fhirServletRequests() {
        return new FhirServletRequests();
    }

    /** The requests the container gives to the FHIR servlet, as Spring MVC's introspection sees them. */
    static final class FhirServletRequests extends SimpleUrlHandlerMapping {

        private static final HttpRequestHandler SERVED_BY_HAPI =
                (request, response) -> response.sendError(HttpServletResponse.SC_NOT_FOUND);

        FhirServletRequests() {
            setOrder(Ordered.HIGHEST_PRECEDENCE);
        }

        @Override
        protected Object getHandlerInternal(HttpServletRequest request) {
            return "/fhir".equals(request.getServletPath()) ? SERVED_BY_HAPI : null;
        }
    }

    @Bean
    FilterRegistrationBean<WholeResponseFilter> fhirWholeResponses() {
        var registration = new FilterRegistrationBean<>(new WholeResponseFilter());
        registration.addUrlPatterns("/fhir/*");
        return registration;
    }

    /** HAPI's plain server, without the work it repeats per request for the same result. */
    static final class TerminologyServer extends RestfulServer {

        private String poweredBy;

        TerminologyServer(FhirContext fhir) {
            super(fhir);
        }

        /** The request id the platform gave the request (and logs with), instead of a second, random one. */
        @Override
        protected String getOrCreateRequestId(HttpServletRequest request) {
            var platform = RequestIdFilter.current();
            return platform != null ? platform : super.getOrCreateRequestId(request);
        }

        /** The X-Powered-By value, built once rather than per answer. */
        @Override
        protected String createPoweredByHeader() {
            if (poweredBy == null) {
                poweredBy = super.createPoweredByHeader();
            }
            return poweredBy;
        }
    }

    /** Answers {@code GET /fhir/metadata?mode=terminology} with the TerminologyCapabilities. */
    static final class TerminologyCapabilitiesInterceptor {

        private final FhirContext fhir;
        private final FhirMetadataController metadata;

        TerminologyCapabilitiesInterceptor(FhirContext fhir, FhirMetadataController metadata) {
            this.fhir = fhir;
            this.metadata = metadata;
        }

        @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
        public boolean answerTerminologyMode(HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            if (!"GET".equals(request.getMethod())
                    || !request.getRequestURI().endsWith("/metadata")
                    || !"terminology".equals(request.getParameter("mode"))) {
                return true;
            }
            var format = request.getParameter("_format");
            var accept = request.getHeader("Accept");
            var xml = format != null
                    ? format.contains("xml")
                    : accept != null && accept.contains("xml") && !accept.contains("json");
            var parser = xml ? fhir.newXmlParser() : fhir.newJsonParser();
            response.setStatus(200);
            response.setCharacterEncoding("UTF-8");
            response.setContentType(xml ? "application/fhir+xml" : "application/fhir+json");
            response.getWriter().write(parser.encodeResourceToString(metadata.terminologyCapabilities()));
            return false;
        }
    }

    /**
     * Writes the plain Parameters answers of the operations with {@link ParametersJson} instead of HAPI's generic
     * encoder, when the client asked for plain JSON (no {@code _pretty}, {@code _summary}, {@code _elements} or other
     * {@code _} parameters). The writer, its headers and its commit are HAPI's own, as for any answer.
     */
    static final class ParametersInterceptor {

        private final ParametersJson json;

        ParametersInterceptor(ParametersJson json) {
            this.json = json;
        }

        @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
        public boolean writeParameters(RequestDetails details, ResponseDetails response) throws IOException {
            if (!(response.getResponseResource() instanceof Parameters parameters)
                    || !plainJson(details)
                    || !ParametersJson.writes(parameters)) {
                return true;
            }
            var server = details.getServer();
            var encoding =
                    RestfulServerUtils.determineResponseEncodingNoDefault(details, server.getDefaultResponseEncoding());
            if (encoding == null) {
                encoding = new RestfulServerUtils.ResponseEncoding(
                        details.getFhirContext(), server.getDefaultResponseEncoding(), null);
            }
            if (encoding.getEncoding() != EncodingEnum.JSON) {
                return true;
            }
            var writer = details.getResponse()
                    .getResponseWriter(
                            response.getResponseCode(),
                            encoding.getResourceContentType(),
                            Constants.CHARSET_NAME_UTF8,
                            details.isRespondGzip());
            json.write(parameters, writer);
            details.getResponse().commitResponse(writer);
            return false;
        }

        private static boolean plainJson(RequestDetails details) {
            for (var name : details.getParameters().keySet()) {
                if (name.startsWith("_") && !Constants.PARAM_FORMAT.equals(name)) {
                    return false;
                }
            }
            return !RestfulServerUtils.prettyPrintResponse(details.getServer(), details);
        }
    }

    /** Keeps unexpected failures out of the response: they are logged, and the client gets a plain 500 outcome. */
    static final class ErrorInterceptor {

        @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
        public BaseServerResponseException hideInternals(RequestDetails details, Throwable exception) {
            if (exception instanceof InvalidRequestException mismatch
                    && mismatch.getMessage() != null
                    && mismatch.getMessage().startsWith(Msg.code(420))) {
                // HAPI's own wording repeats both ids, which are the caller's values (an id may be a personnummer)
                return new InvalidRequestException("The id in the resource must be the id in the URL of the update");
            }
            if (exception instanceof BaseServerResponseException known && !(known instanceof InternalErrorException)) {
                return known;
            }
            log.error("Unexpected error in FHIR request", exception);
            return new InternalErrorException("Request could not be completed.");
        }
    }
}
