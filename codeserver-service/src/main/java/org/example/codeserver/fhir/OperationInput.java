package org.example.codeserver.fhir;

import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UriType;

/** Reads an operation's input: the Parameters body of a POST, or the query parameters of a GET, typed by name. */
final class OperationInput {

    /** Where HAPI keeps the parsed body of an operation POST. */
    private static final String PARSED_BODY = OperationParam.class.getName() + "_PARSED_RESOURCE";

    private static final Set<String> BOOLEANS = Set.of(
            "activeOnly",
            "excludeNested",
            "includeDesignations",
            "includeDefinition",
            "excludeNotForUI",
            "excludePostCoordinated",
            "abstract",
            "inferSystem",
            "reverse",
            "lenient-display-validation",
            "valueset-membership-only",
            "limitedExpansion",
            "incomplete-ok",
            "default-to-latest-version");
    private static final Set<String> INTEGERS = Set.of("count", "offset");
    private static final Set<String> URIS = Set.of(
            "url",
            "system",
            "sourceSystem",
            "targetSystem",
            "valueSet",
            "source",
            "target",
            "context",
            "targetScope",
            "sourceScope");
    private static final Set<String> CANONICALS = Set.of(
            "system-version",
            "check-system-version",
            "force-system-version",
            "useSupplement",
            "default-valueset-version",
            "check-valueset-version",
            "force-valueset-version");
    private static final Set<String> CODES =
            Set.of("code", "codeA", "codeB", "sourceCode", "targetCode", "displayLanguage", "property", "valueSetMode");

    private OperationInput() {}

    static TerminologyRequest of(RequestDetails details) {
        return TerminologyRequest.of(parameters(details), details.getHeader("Accept-Language"));
    }

    static Parameters parameters(RequestDetails details) {
        if (details.getRequestType() == RequestTypeEnum.POST) {
            var body = details.getUserData().get(PARSED_BODY);
            if (body instanceof Parameters p) {
                return p;
            }
            if (body != null) {
                throw TerminologyOperationException.of(
                        400,
                        IssueType.INVALID,
                        "invalid-data",
                        "The body of an operation must be a Parameters resource");
            }
        }
        var parameters = new Parameters();
        for (var entry : details.getParameters().entrySet()) {
            var name = entry.getKey();
            if (name.startsWith("_")) {
                continue;
            }
            for (var value : entry.getValue()) {
                parameters.addParameter().setName(name).setValue(typed(name, value));
            }
        }
        return parameters;
    }

    private static Type typed(String name, String value) {
        if (BOOLEANS.contains(name)) {
            if (!"true".equals(value) && !"false".equals(value)) {
                throw TerminologyOperationException.of(
                        400, IssueType.INVALID, "invalid-data", "Parameter '" + name + "' must be true or false");
            }
            return new BooleanType(value);
        }
        if (INTEGERS.contains(name)) {
            try {
                return new IntegerType(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw TerminologyOperationException.of(
                        400, IssueType.INVALID, "invalid-data", "Parameter '" + name + "' must be an integer");
            }
        }
        if (URIS.contains(name)) {
            return new UriType(value);
        }
        if (CANONICALS.contains(name)) {
            return new CanonicalType(value);
        }
        if (CODES.contains(name)) {
            return new CodeType(value);
        }
        return new StringType(value);
    }
}
