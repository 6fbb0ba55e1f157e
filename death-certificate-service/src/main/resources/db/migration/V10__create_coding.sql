-- The coders' work on a certificate: every saved coding is a new version, never updated or deleted.
create table coding (
    id                       bigint generated always as identity primary key,
    certificate_id           varchar(100) not null,
    version                  int          not null check (version >= 1),
    coded_by                 varchar(100) not null,
    coded_at                 timestamptz  not null,
    code_system_version      varchar(20)  not null,
    lines                    jsonb        not null,
    underlying_cause         varchar(10)  not null,
    underlying_cause_who     varchar(10)  not null,
    suggested_underlying     varchar(10),
    note                     varchar(1000),
    constraint uq_coding_version unique (certificate_id, version)
);

-- A second coder's check of one coding version (four-eyes): agrees or not, by someone other than the coder.
create table coding_check (
    id          bigint generated always as identity primary key,
    coding_id   bigint       not null references coding (id),
    checked_by  varchar(100) not null,
    checked_at  timestamptz  not null,
    agrees      boolean      not null,
    comment     varchar(1000),
    constraint uq_coding_check unique (coding_id, checked_by)
);

create index ix_coding_certificate on coding (certificate_id, version desc);
create index ix_coding_check_coding on coding_check (coding_id);

-- The queue reads certificates that have no coding yet, oldest first.
create index ix_death_certificate_received_order on death_certificate (received_at, id) where status = 'RECEIVED';

comment on column coding.lines is 'Codes per line of the certificate: [{"line":"A","codes":["I219"]},...], ICD-10-SE without dot';
comment on column coding.underlying_cause_who is 'The underlying cause at the WHO ICD-10 level (no Swedish extension), with dot';
comment on column coding.suggested_underlying is 'What the general principle suggested when this version was saved';
