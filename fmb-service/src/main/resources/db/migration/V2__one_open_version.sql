-- At most one version of a diagnosis (and of the general principles) is being worked on at a time.
create unique index diagnosis_version_one_open on diagnosis_version (diagnosis_id)
    where status in ('DRAFT', 'IN_REVIEW', 'APPROVED');
create unique index principles_version_one_open on principles_version ((true))
    where status in ('DRAFT', 'IN_REVIEW', 'APPROVED');
