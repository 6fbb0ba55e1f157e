-- FMB content, versioned from the start: a diagnosis has versions; the served one is the PUBLISHED
-- version whose validity period contains today. Code lists are JSON arrays of FMB code objects
-- ({kod, kodsystem, kodsystemnamn, beskrivning}) so that they reach Webcert unchanged.

create table diagnosis (
    id          bigint primary key,
    created_at  timestamptz not null default now()
);

create table diagnosis_version (
    id                                  bigserial primary key,
    diagnosis_id                        bigint not null references diagnosis (id),
    version_number                      int not null,
    status                              varchar(16) not null
        check (status in ('DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'RETIRED')),
    valid_from                          date,
    valid_to                            date,
    title                               text not null,
    heading                             text not null,
    description                         text,
    disease_group                       jsonb,
    icd10_codes                         jsonb not null,
    keywords                            jsonb not null,
    target_groups                       jsonb not null,
    insurance_medical_information       text,
    symptoms_prognosis_treatment        text,
    rehabilitation_information          text,
    functional_impairment               text,
    functional_impairment_central       jsonb not null,
    functional_impairment_complementary jsonb not null,
    activity_limitation                 text,
    activity_limitation_central         jsonb not null,
    activity_limitation_complementary   jsonb not null,
    reference_list                      jsonb not null,
    last_updated                        timestamptz not null,
    created_by                          varchar(200) not null,
    created_at                          timestamptz not null default now(),
    based_on_version                    int,
    lock_version                        bigint not null default 0,
    unique (diagnosis_id, version_number),
    check (valid_to is null or valid_from is null or valid_to >= valid_from)
);

create index diagnosis_version_status on diagnosis_version (status, valid_from);

create table typical_case (
    id                      bigserial primary key,
    diagnosis_version_id    bigint not null references diagnosis_version (id) on delete cascade,
    fmb_id                  bigint not null,
    position                int not null,
    version_label           varchar(20) not null,
    sentence                text not null,
    condition_sentence      text,
    icd10_codes             jsonb not null,
    keywords                jsonb not null,
    criteria                jsonb not null,
    recommendation          text,
    max_value               int check (max_value is null or max_value >= 0),
    max_unit                varchar(2) check (max_unit in ('d', 'wk', 'mo')),
    max_degree              varchar(8) check (max_degree in ('FULL', 'PART')),
    last_updated            timestamptz not null,
    unique (diagnosis_version_id, fmb_id)
);

create sequence typical_case_fmb_id start with 100000;

-- Who did what, when and why, for every step of a version's life (append-only).
create table version_event (
    id                      bigserial primary key,
    document_type           varchar(20) not null check (document_type in ('DIAGNOSIS', 'PRINCIPLES')),
    document_version_id     bigint not null,
    action                  varchar(20) not null,
    actor                   varchar(200) not null,
    occurred_at             timestamptz not null default now(),
    comment                 text
);

create index version_event_document on version_event (document_type, document_version_id);

-- The general principles for sick leave ("Övergripande principer för sjukskrivning"), same workflow.
create table principles_version (
    id              bigserial primary key,
    version_number  int not null unique,
    status          varchar(16) not null
        check (status in ('DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'RETIRED')),
    valid_from      date,
    valid_to        date,
    title           text not null,
    markup          text not null,
    last_updated    timestamptz not null,
    created_by      varchar(200) not null,
    created_at      timestamptz not null default now(),
    lock_version    bigint not null default 0
);

-- Lookups per diagnosis per day (no personal data), written in batches.
create table lookup_count (
    diagnosis_id    bigint not null,
    day             date not null,
    lookups         bigint not null,
    primary key (diagnosis_id, day)
);
