-- Every replica holds the stored FHIR resources (ValueSet, ConceptMap, FHIR-authored CodeSystem) parsed in memory
-- (TerminologyResourceService). A statement that stores, changes or removes one notifies channel
-- terminology_resources_changed; PostgreSQL delivers that once the transaction commits, and every replica listening
-- (ChangeNotifications) re-reads what changed within a second instead of at its next timer
-- (codes.resources.refresh-interval).
create function notify_terminology_resources_changed() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('terminology_resources_changed', '');
    return null;
end
$$;

create trigger terminology_resource_notifies
    after insert or update or delete on terminology_resource
    for each statement
execute function notify_terminology_resources_changed();
