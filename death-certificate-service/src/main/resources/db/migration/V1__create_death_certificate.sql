-- Cause-of-death certificates (dödsorsaksintyg, DOI), stored once per certificate id.
create table death_certificate (
    id                          bigint generated always as identity primary key,
    certificate_id              varchar(100) not null,
    certificate_type            varchar(10)  not null,
    version                     varchar(10)  not null,
    channel                     varchar(10)  not null check (channel in ('WEBCERT', 'PAPER', 'API')),
    status                      varchar(10)  not null check (status in ('RECEIVED', 'REVOKED')),
    personnummer                varchar(12),
    birth_date                  date,
    date_of_death_text          varchar(10)  not null,
    date_of_death               date,
    date_of_death_certain       boolean      not null,
    found_dead_date             date,
    place_of_death_municipality varchar(200) not null,
    place_of_death              varchar(20)  not null,
    terminal_cause              varchar(400) not null,
    cause_chain                 jsonb        not null,
    contributing_conditions     jsonb        not null,
    operation                   varchar(20)  not null,
    operation_date              date,
    injury_or_poisoning         boolean      not null,
    injury_cause                varchar(20),
    injury_date                 date,
    grounds                     jsonb        not null,
    care_unit_id                varchar(100),
    signed_at                   timestamp,
    replaces_certificate_id     varchar(100),
    answers                     jsonb        not null,
    original_xml                bytea,
    received_at                 timestamptz  not null,
    revoked_at                  timestamptz,
    revocation_message          text,
    constraint uq_death_certificate_certificate_id unique (certificate_id)
);

create index ix_death_certificate_date_of_death on death_certificate (date_of_death);
create index ix_death_certificate_received_at on death_certificate (received_at);
create index ix_death_certificate_replaces on death_certificate (replaces_certificate_id) where replaces_certificate_id is not null;

comment on column death_certificate.date_of_death_text is 'Date of death as given (2.2); may be partial (YYYY-MM-00) when not certain';
comment on column death_certificate.date_of_death is 'Date of death when complete; null when partial';
comment on column death_certificate.original_xml is 'The RegisterCertificate element exactly as received (bytes), for evidence; null for JSON and paper';
comment on column death_certificate.answers is 'The whole answer set as JSON';
