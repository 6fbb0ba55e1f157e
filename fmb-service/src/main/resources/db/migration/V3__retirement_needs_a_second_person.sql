-- Retiring a published diagnosis takes two people (issue 17, finding 11): one proposes it
-- (RETIREMENT_PROPOSED), another confirms it (RETIRED) or turns it down (WITHDRAWN).
alter table diagnosis_version alter column status type varchar(24);
alter table diagnosis_version drop constraint diagnosis_version_status_check;
alter table diagnosis_version add constraint diagnosis_version_status_check
    check (status in ('DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'RETIREMENT_PROPOSED', 'RETIRED', 'WITHDRAWN'));

drop index diagnosis_version_one_open;
create unique index diagnosis_version_one_open on diagnosis_version (diagnosis_id)
    where status in ('DRAFT', 'IN_REVIEW', 'APPROVED', 'RETIREMENT_PROPOSED');
