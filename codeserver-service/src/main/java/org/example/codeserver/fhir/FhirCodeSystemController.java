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
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.springframework.stereotype.Component;

/** The FHIR CodeSystem endpoint: read, search, create/update/delete, $lookup, $validate-code and $subsumes. */
@Component
class FhirCodeSystemController implements IResourceProvider {

    private final TerminologyResourceService resources;
    private final TerminologyEngines engines;
    private final ModelCodeSystems indexed;
    private final java.time.Clock clock;

    FhirCodeSystemController(
            TerminologyResourceService resources,
            TerminologyEngines engines,
            ModelCodeSystems indexed,
            java.time.Clock clock) {
        this.resources = resources;
        this.engines = engines;
        this.indexed = indexed;
        this.clock = clock;
    }

    @Override
    public Class<CodeSystem> getResourceType() {
        return CodeSystem.class;
    }

    /** A plain read (and {@code _summary=false}) has every concept; a summary leaves them out without building them. */
    @Read
    public CodeSystem read(@IdParam IdType id, RequestDetails details) {
        var model =
                PartialResource.wantsConcepts(details) ? indexed.read(id.getIdPart()) : indexed.header(id.getIdPart());
        return model.isPresent() ? model.get() : (CodeSystem) resources.read("CodeSystem", id.getIdPart());
    }

    private CodeSystem instance(IdType id) {
        var model = indexed.header(id.getIdPart());
        return model.isPresent() ? model.get() : (CodeSystem) resources.read("CodeSystem", id.getIdPart());
    }

    /** Search results have every concept, unless the client asks for a summary; each is built when its page is sent. */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = CodeSystem.SP_URL) UriParam url,
            @OptionalParam(name = CodeSystem.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = CodeSystem.SP_VERSION) TokenParam version,
            @OptionalParam(name = CodeSystem.SP_NAME) StringParam name,
            RequestDetails details) {
        var u = url == null ? null : url.getValue();
        var i = identifier == null ? null : identifier.getValue();
        var v = version == null ? null : version.getValue();
        var n = name == null ? null : name.getValue();
        var found = new java.util.ArrayList<java.util.function.Supplier<? extends IBaseResource>>(
                indexed.search(u, i, v, n, PartialResource.wantsConcepts(details)));
        if (i == null) {
            resources.search("CodeSystem", u, v, n).forEach(r -> found.add(() -> r));
        }
        return new PartialResource.LazyBundle(found, clock.instant());
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
        resources.delete("CodeSystem", id);
    }

    @Operation(name = "$lookup", idempotent = true)
    public Parameters lookup(@IdParam(optional = true) IdType id, RequestDetails details) {
        var lookup = CodeLookup.of(OperationInput.of(details), id == null ? null : instance(id));
        return engines.forLookup(lookup).lookup(lookup);
    }

    @Operation(name = "$validate-code", idempotent = true)
    public Parameters validateCode(@IdParam(optional = true) IdType id, RequestDetails details) {
        var validation = CodeValidation.inCodeSystem(OperationInput.of(details), id == null ? null : instance(id));
        var budget = engines.budget();
        return engines.forValidation(validation, budget).validate(validation, budget);
    }

    @Operation(name = "$subsumes", idempotent = true)
    public Parameters subsumes(@IdParam(optional = true) IdType id, RequestDetails details) {
        var check = SubsumptionCheck.of(OperationInput.of(details), id == null ? null : instance(id));
        return engines.forSubsumption(check).subsumes(check);
    }
}
