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
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.springframework.stereotype.Component;

/** The FHIR ConceptMap endpoint: read, search, create/update/delete and $translate. */
@Component
class FhirConceptMapController implements IResourceProvider {

    private final TerminologyResourceService resources;
    private final FhirConceptMapService conceptMaps;

    FhirConceptMapController(TerminologyResourceService resources, FhirConceptMapService conceptMaps) {
        this.resources = resources;
        this.conceptMaps = conceptMaps;
    }

    @Override
    public Class<ConceptMap> getResourceType() {
        return ConceptMap.class;
    }

    @Read
    public ConceptMap read(@IdParam IdType id) {
        return (ConceptMap) resources.read("ConceptMap", id.getIdPart());
    }

    @Search
    public List<ConceptMap> search(
            @OptionalParam(name = ConceptMap.SP_URL) UriParam url,
            @OptionalParam(name = ConceptMap.SP_VERSION) TokenParam version,
            @OptionalParam(name = ConceptMap.SP_NAME) StringParam name) {
        return resources
                .search(
                        "ConceptMap",
                        url == null ? null : url.getValue(),
                        version == null ? null : version.getValue(),
                        name == null ? null : name.getValue())
                .stream()
                .map(ConceptMap.class::cast)
                .toList();
    }

    @Create
    public MethodOutcome create(@ResourceParam ConceptMap conceptMap) {
        var created = resources.create(conceptMap);
        return new MethodOutcome(created.getIdElement(), true).setResource(created);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam ConceptMap conceptMap) {
        var updated = resources.update(id.getIdPart(), conceptMap);
        return new MethodOutcome(updated.getIdElement()).setResource(updated);
    }

    @Delete
    public void delete(@IdParam IdType id) {
        resources.delete("ConceptMap", id);
    }

    @Operation(name = "$translate", idempotent = true)
    public Parameters translate(@IdParam(optional = true) IdType id, RequestDetails details) {
        return conceptMaps.translate(Translation.of(OperationInput.of(details), id == null ? null : read(id)));
    }
}
