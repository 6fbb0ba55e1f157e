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
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.springframework.stereotype.Component;

/** The FHIR CodeSystem endpoint: read, search, create/update/delete, $lookup, $validate-code and $subsumes. */
@Component
class FhirCodeSystemController implements IResourceProvider {

    private final TerminologyResourceService resources;
    private final FhirTerminologyService terminology;
    private final FhirCodeSystemService codeSystems;

    FhirCodeSystemController(TerminologyResourceService resources, FhirTerminologyService terminology,
            FhirCodeSystemService codeSystems) {
        this.resources = resources;
        this.terminology = terminology;
        this.codeSystems = codeSystems;
    }

    @Override
    public Class<CodeSystem> getResourceType() {
        return CodeSystem.class;
    }

    @Read
    public CodeSystem read(@IdParam IdType id) {
        return (CodeSystem) resources.read("CodeSystem", id.getIdPart());
    }

    @Search
    public List<CodeSystem> search(@OptionalParam(name = CodeSystem.SP_URL) UriParam url,
            @OptionalParam(name = CodeSystem.SP_VERSION) TokenParam version, @OptionalParam(name = CodeSystem.SP_NAME) StringParam name) {
        return resources.search("CodeSystem", url == null ? null : url.getValue(), version == null ? null : version.getValue(),
                name == null ? null : name.getValue()).stream().map(CodeSystem.class::cast).toList();
    }

    @Create
    public MethodOutcome create(@ResourceParam CodeSystem codeSystem) {
        var created = resources.create(codeSystem);
        return new MethodOutcome(created.getIdElement(), true).setResource(created);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam CodeSystem codeSystem) {
        var updated = resources.update(id.getIdPart(), codeSystem);
        return new MethodOutcome(updated.getIdElement()).setResource(updated);
    }

    @Delete
    public void delete(@IdParam IdType id) {
        resources.delete("CodeSystem", id.getIdPart());
    }

    @Operation(name = "$lookup", idempotent = true)
    public Parameters lookup(@IdParam(optional = true) IdType id, RequestDetails details) {
        return codeSystems.lookup(OperationInput.of(details), id == null ? null : read(id));
    }

    @Operation(name = "$validate-code", idempotent = true)
    public Parameters validateCode(@IdParam(optional = true) IdType id, RequestDetails details) {
        return terminology.validateInCodeSystem(OperationInput.of(details), id == null ? null : read(id));
    }

    @Operation(name = "$subsumes", idempotent = true)
    public Parameters subsumes(@IdParam(optional = true) IdType id, RequestDetails details) {
        return codeSystems.subsumes(OperationInput.of(details), id == null ? null : read(id));
    }
}
