package org.example.codeserver.fhir;

import java.util.List;
import org.hl7.fhir.r5.model.Parameters;
import org.hl7.fhir.r5.model.Resource;

/**
 * What the HL7 reference engine takes as it is: the definitions the caller sent along ({@code tx-resource}, less
 * supplements nothing asks for) and the operation's parameters in the engine's (R5) model, which the engine reads
 * itself (expansion and validation profiles). This service reads its own inputs from the typed operation records,
 * never from these parameters.
 *
 * @param definitionsSent whether the request carried any {@code tx-resource} at all: then only the reference engine
 *     answers, since the caller's definitions may redefine what the model holds
 * @param supplements the {@code useSupplement} canonicals: code system supplements the answer must use
 */
record EngineInput(
        boolean definitionsSent, List<Resource> definitions, List<String> supplements, Parameters parameters) {

    EngineInput {
        definitions = List.copyOf(definitions);
        supplements = List.copyOf(supplements);
    }
}
