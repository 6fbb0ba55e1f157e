-- The OIDs Inera's certificates name their diagnosis systems by (docs/codeserver.md lists each with its source).
-- KSH97-P is 1.2.752.116.1.3.1.4.1; 1.2.752.116.1.1.3.1.1, which it had before, is what Inera's certificates use for ICF.
update code_system set oid = '1.2.752.116.1.3.1.4.1'
 where url = 'http://socialstyrelsen.se/fhir/CodeSystem/ksh97-p' and oid = '1.2.752.116.1.1.3.1.1';

insert into code_system_alias_oid (oid, code_system_id)
select '1.2.752.116.1.1.1.1.3', id from code_system where url = 'http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se'
on conflict (oid) do nothing;

insert into code_system_alias_oid (oid, code_system_id)
select '1.2.752.116.1.1.3.1.1', id from code_system where url = 'http://socialstyrelsen.se/fhir/CodeSystem/icf'
on conflict (oid) do nothing;

-- The RegisterCertificate contract's LegitimeratYrkeType names the legitimerat-yrke codes by 1.2.752.29.23.1.6.
insert into code_system_alias_oid (oid, code_system_id)
select '1.2.752.29.23.1.6', id from code_system where url = 'http://socialstyrelsen.se/fhir/CodeSystem/hosp-legitimationsyrken'
on conflict (oid) do nothing;
