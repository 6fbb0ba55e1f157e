package org.example.codeserver.fhir;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ValueSet;
import org.springframework.stereotype.Component;

/** The FHIR ValueSet endpoint: read, search, create/update/delete, $expand and $validate-code. */
@Component
class FhirValueSetController implements IResourceProvider {

    private final TerminologyResourceService resources;
    private final TerminologyEngines engines;

    FhirValueSetController(TerminologyResourceService resources, TerminologyEngines engines) {
        this.resources = resources;
        this.engines = engines;
    }

    @Override
    public Class<ValueSet> getResourceType() {
        return ValueSet.class;
    }

    @Read
    public ValueSet read(@IdParam IdType id) {
        return (ValueSet) resources.read("ValueSet", id.getIdPart());
    }

    @Search
    public List<ValueSet> search(
            @OptionalParam(name = ValueSet.SP_URL) UriParam url,
            @OptionalParam(name = ValueSet.SP_VERSION) TokenParam version,
            @OptionalParam(name = ValueSet.SP_NAME) StringParam name) {
        return resources
                .search(
                        "ValueSet",
                        url == null ? null : url.getValue(),
                        version == null ? null : version.getValue(),
                        name == null ? null : name.getValue())
                .stream()
                .map(ValueSet.class::cast)
                .toList();
    }

    @Create
    public MethodOutcome create(@ResourceParam ValueSet valueSet) {
        var created = resources.create(valueSet);
        return new MethodOutcome(created.getIdElement(), true).setResource(created);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam ValueSet valueSet) {
        var updated = resources.update(id.getIdPart(), valueSet);
        return new MethodOutcome(updated.getIdElement()).setResource(updated);
    }

    @Delete
    public void delete(@IdParam IdType id) {
        resources.delete("ValueSet", id);
    }

    @Operation(name = "$expand", idempotent = true)
    public ValueSet expand(@IdParam(optional = true) IdType id, RequestDetails details) {
        var expansion = ValueSetExpansion.of(OperationInput.of(details), id == null ? null : read(id));
        return engines.forExpansion(expansion).expand(expansion, engines.budget());
    }

    /** Several $validate-code requests against one value set: each {@code validation} part is one request. */
    @Operation(name = "$batch-validate-code")
    public Parameters batchValidateCode(RequestDetails details) {
        var received = OperationInput.parameters(details);
        var shared = new Parameters();
        var requests = new java.util.ArrayList<Parameters>();
        for (var p : received.getParameter()) {
            if ("validation".equals(p.getName()) && p.getResource() instanceof Parameters one) {
                requests.add(one);
            } else {
                shared.addParameter(p);
            }
        }
        var out = new Parameters();
        var budget = engines.budget();
        for (var one : requests) {
            var combined = combine(shared, one);
            org.hl7.fhir.instance.model.api.IBaseResource result;
            try {
                var validation = CodeValidation.inValueSet(
                        TerminologyRequest.of(combined, details.getHeader("Accept-Language")), null);
                result = engines.forValidation(validation, budget).validate(validation, budget);
            } catch (TerminologyOperationException e) {
                result = e.getOperationOutcome();
            }
            out.addParameter().setName("validation").setResource((org.hl7.fhir.r4.model.Resource) result);
        }
        return out;
    }

    /**
     * One validation's parameters: its own, then those of the batch that it does not give itself (its own
     * {@code lenient-display-validation=false} wins over the batch's {@code true}); the definitions sent with the batch
     * and with the validation are all kept.
     */
    private static Parameters combine(Parameters shared, Parameters one) {
        var combined = new Parameters();
        var own = new java.util.HashSet<String>();
        for (var p : one.getParameter()) {
            combined.addParameter(p.copy());
            own.add(p.getName());
        }
        for (var p : shared.getParameter()) {
            if ("tx-resource".equals(p.getName()) || !own.contains(p.getName())) {
                combined.addParameter(p.copy());
            }
        }
        return combined;
    }

    @Operation(name = "$validate-code", idempotent = true)
    public Parameters validateCode(@IdParam(optional = true) IdType id, RequestDetails details) {
        var validation = CodeValidation.inValueSet(OperationInput.of(details), id == null ? null : read(id));
        var budget = engines.budget();
        return engines.forValidation(validation, budget).validate(validation, budget);
    }
}
