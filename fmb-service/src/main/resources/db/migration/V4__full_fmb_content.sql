-- What the full FMB capture holds beyond the sections (issue 14): a typical case's own description and
-- start of validity (they differ from its diagnosis' in the source for 24 and 50 cases), and a diagnosis'
-- purpose ("syfte", one diagnosis has it). Null: derived from the diagnosis as before.
alter table typical_case add column description text;
alter table typical_case add column valid_from date;
alter table diagnosis_version add column purpose text;

-- A comorbidity criterion is a heading with its ICD-10 codes (the capture's samsjuklighetsrubrik and diagnoskod);
-- rows loaded by an earlier release hold it as a code object with only a text: keep the text as the heading.
update typical_case
set criteria = jsonb_set(criteria, '{comorbidity}', (
        select coalesce(jsonb_agg((
                select coalesce(jsonb_agg(jsonb_build_object('heading', item ->> 'beskrivning', 'icd10Codes', '[]'::jsonb)),
                                '[]'::jsonb)
                from jsonb_array_elements(grp) item)), '[]'::jsonb)
        from jsonb_array_elements(criteria -> 'comorbidity') grp))
where jsonb_typeof(criteria -> 'comorbidity') = 'array' and jsonb_array_length(criteria -> 'comorbidity') > 0;
