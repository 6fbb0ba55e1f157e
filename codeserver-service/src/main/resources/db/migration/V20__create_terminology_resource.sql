-- FHIR terminology resources (ValueSet, ConceptMap, CodeSystem authored as FHIR) kept as R4 JSON,
-- with the search columns the FHIR API filters on.
create table terminology_resource (
    id            varchar(64)  not null primary key,
    resource_type varchar(32)  not null,
    url           varchar(1024),
    version       varchar(256),
    name          varchar(512),
    title         varchar(1024),
    status        varchar(16),
    content       text         not null,
    revision      integer      not null,
    last_updated  timestamp with time zone not null
);

create index terminology_resource_type_url on terminology_resource (resource_type, url);
