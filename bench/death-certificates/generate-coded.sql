-- 100,000 coded certificates for the register-export benchmark, the same every time: deaths in 2025, ids
-- bench-000001 …, channel, municipality, codes and timestamps all derived from the row number.
\set n 100000
begin;
delete from coding_check where coding_id in (select id from coding where certificate_id like 'bench-%');
delete from coding where certificate_id like 'bench-%';
delete from death_certificate where certificate_id like 'bench-%';
insert into death_certificate (certificate_id, certificate_type, version, channel, status, personnummer,
        date_of_death_text, date_of_death, date_of_death_certain, place_of_death_municipality, place_of_death,
        terminal_cause, cause_chain, contributing_conditions, operation, injury_or_poisoning, injury_cause, grounds,
        answers, received_at)
select 'bench-' || lpad(i::text, 6, '0'), 'DOI', '1.0',
       (array['WEBCERT', 'WEBCERT', 'WEBCERT', 'API', 'PAPER'])[1 + i % 5], 'RECEIVED',
       '19' || lpad((20 + i % 80)::text, 2, '0') || lpad((1 + i % 12)::text, 2, '0') || lpad((1 + i % 28)::text, 2, '0')
           || lpad((i % 10000)::text, 4, '0'),
       to_char(date '2025-01-01' + (i % 365), 'YYYY-MM-DD'), date '2025-01-01' + (i % 365), true,
       (array['Stockholm', 'Göteborg', 'Malmö', 'Uppsala', 'Lund', 'Umeå', 'Kiruna', 'Visby'])[1 + i % 8], 'SJUKHUS',
       'Akut hjärtinfarkt', '[]'::jsonb, '[]'::jsonb, 'NEJ', i % 20 = 0,
       case when i % 20 = 0 then 'OLYCKSFALL' end, '["UNDERSOKNING_FORE_DODEN"]'::jsonb, '{}'::jsonb,
       timestamptz '2025-01-03 08:00:00+01' + (i % 365) * interval '1 day' + (i % 600) * interval '1 minute'
  from generate_series(1, :n) as i;
insert into coding (certificate_id, version, coded_by, coded_at, code_system_version, lines, underlying_cause,
        underlying_cause_who, suggested_underlying, note)
select 'bench-' || lpad(i::text, 6, '0'), 1, 'bench-coder',
       timestamptz '2025-02-01 10:00:00+01' + (i % 365) * interval '1 day', '2022',
       case when i % 20 = 0 then
         '[{"line":"A","codes":["S7200"],"who":["S72.0"]},{"line":"12","codes":["W1000"],"who":["W10.0"]}]'::jsonb
       else jsonb_build_array(
         jsonb_build_object('line', 'A', 'codes', jsonb_build_array('I219'), 'who', jsonb_build_array('I21.9')),
         jsonb_build_object('line', 'B', 'codes', jsonb_build_array('I251'), 'who', jsonb_build_array('I25.1')),
         jsonb_build_object('line', 'C', 'codes', jsonb_build_array((array['E119', 'I10', 'E785', 'I702'])[1 + i % 4]),
                            'who', jsonb_build_array((array['E11.9', 'I10', 'E78.5', 'I70.2'])[1 + i % 4])),
         jsonb_build_object('line', '10.1', 'codes', jsonb_build_array('N189'), 'who', jsonb_build_array('N18.9')))
       end,
       case when i % 20 = 0 then 'W1000' else (array['E119', 'I10', 'E785', 'I702'])[1 + i % 4] end,
       case when i % 20 = 0 then 'W10.0' else (array['E11.9', 'I10', 'E78.5', 'I70.2'])[1 + i % 4] end,
       null, null
  from generate_series(1, :n) as i;
commit;
analyze death_certificate;
analyze coding;
