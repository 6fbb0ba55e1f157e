-- Code systems, their versions and concepts (the FHIR CodeSystem model).
-- Concepts, designations, properties and parent links are keyed by (version_id, code) so a release can be
-- bulk-loaded with COPY without round trips for generated ids.

create table code_system (
    id          bigserial primary key,
    slug        varchar(100) not null unique,
    url         varchar(500) not null unique,
    oid         varchar(100) unique,
    name        varchar(255) not null,
    title       varchar(500),
    publisher   varchar(255),
    description text
);

create table code_system_alias_oid (
    oid            varchar(100) primary key,
    code_system_id bigint not null references code_system (id) on delete cascade
);

create table code_system_version (
    id                bigserial primary key,
    code_system_id    bigint       not null references code_system (id) on delete cascade,
    version           varchar(100),
    status            varchar(16)  not null check (status in ('DRAFT', 'ACTIVE', 'RETIRED')),
    effective_date    date,
    language          varchar(20),
    hierarchy_meaning varchar(30),
    concept_count     integer      not null check (concept_count >= 0),
    content           varchar(20)  not null default 'complete',
    case_sensitive    boolean      not null default true,
    source            varchar(500),
    imported_at       timestamptz  not null,
    constraint code_system_version_unique unique nulls not distinct (code_system_id, version)
);

create table code_system_property (
    version_id  bigint      not null references code_system_version (id) on delete cascade,
    code        varchar(100) not null,
    uri         varchar(500),
    type        varchar(20) not null,
    description text,
    primary key (version_id, code)
);

create table concept (
    version_id bigint       not null references code_system_version (id) on delete cascade,
    code       varchar(200) not null,
    ordinal    integer      not null,
    display    text,
    definition text,
    status     varchar(16)  not null check (status in ('ACTIVE', 'INACTIVE')),
    primary key (version_id, code)
);

create table concept_parent (
    version_id  bigint       not null,
    code        varchar(200) not null,
    parent_code varchar(200) not null,
    primary key (version_id, code, parent_code),
    foreign key (version_id, code) references concept (version_id, code) on delete cascade
);

create table designation (
    version_id  bigint       not null,
    code        varchar(200) not null,
    language    varchar(20),
    use_system  varchar(500),
    use_code    varchar(100),
    use_display varchar(255),
    value       text         not null,
    foreign key (version_id, code) references concept (version_id, code) on delete cascade
);
create index designation_concept on designation (version_id, code);

create table concept_property (
    version_id bigint       not null,
    code       varchar(200) not null,
    property   varchar(100) not null,
    type       varchar(20)  not null,
    value      text         not null,
    foreign key (version_id, code) references concept (version_id, code) on delete cascade
);
create index concept_property_concept on concept_property (version_id, code);
