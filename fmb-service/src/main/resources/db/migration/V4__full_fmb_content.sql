-- What the full FMB capture holds beyond the sections (issue 14): a typical case's own description and
-- start of validity (they differ from its diagnosis' in the source for 24 and 50 cases), and a diagnosis'
-- purpose ("syfte", one diagnosis has it). Null: derived from the diagnosis as before.
alter table typical_case add column description text;
alter table typical_case add column valid_from date;
alter table diagnosis_version add column purpose text;
