-- Follow-up of how sick-leave lengths follow FMB (issue 14, part 3). An upload is a set of anonymised sick-leave
-- episodes; only its figures are kept: per FMB diagnosis, region (or all regions: '') and month of the start (or
-- all months: 1900-01-01) the episodes, median and 75th/90th percentile of the length in days, and how many lasted
-- no longer than the recommended maximum of their code, and which diagnosis and maximum each code had then. The
-- episodes pass through adherence_episode (unlogged: a scratch table, the service may not create temporary tables)
-- and are deleted in the transaction that analyses them, so no episode outlives its upload.
create table adherence_upload (
    id                      bigint generated always as identity primary key,
    uploaded_at             timestamp with time zone not null,
    uploaded_by             varchar(200) not null,
    episodes                bigint not null default 0,
    without_recommendation  bigint not null default 0,
    first_month             date,
    last_month              date
);

create unlogged table adherence_episode (
    upload_id       bigint not null,
    code            varchar(8) not null,
    month           date not null,
    length_days     integer not null,
    region          varchar(2) not null
);

create table adherence_code (
    upload_id       bigint not null references adherence_upload (id) on delete cascade,
    code            varchar(8) not null,
    diagnosis_id    bigint,
    max_days        integer,
    primary key (upload_id, code)
);

create table adherence_figure (
    upload_id       bigint not null references adherence_upload (id) on delete cascade,
    diagnosis_id    bigint not null,
    region          varchar(2) not null,
    month           date not null,
    episodes        bigint not null,
    median_days     integer not null,
    p75_days        integer not null,
    p90_days        integer not null,
    max_days        integer,
    within_max      bigint not null,
    primary key (upload_id, diagnosis_id, region, month)
);

-- Use of FMB, counted without personal data: reads of the Webcert collections per client and day, and sick-leave
-- checks per code and day with their outcome (within or over the recommendation, or no recommendation).
create table collection_read_count (
    client      varchar(200) not null,
    collection  varchar(64) not null,
    day         date not null,
    reads       bigint not null,
    primary key (client, collection, day)
);

create table sick_leave_check_count (
    icd10_code  varchar(16) not null,
    outcome     varchar(16) not null check (outcome in ('WITHIN', 'OVER', 'NONE')),
    day         date not null,
    checks      bigint not null,
    primary key (icd10_code, outcome, day)
);

create index adherence_figure_by_region_and_month on adherence_figure (upload_id, region, month);
