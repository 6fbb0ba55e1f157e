-- One database per service on the shared PostgreSQL server of docker-compose.yml, run once by init-databases.sh (with
-- the passwords as psql variables) on the server's first start. Each database has two roles:
--   <database>_owner  owns the database and its schema; Flyway migrates as it
--   <database>_app    the running service; it may connect, and what it may do in the tables is granted by the
--                     service's Flyway callback afterMigrate.sql (it owns nothing: no DDL, no trigger changes)
-- Nobody else may connect, and nobody may create temporary tables.
\set ON_ERROR_STOP on

create role gateway_owner login password :'gateway_owner_password';
create role gateway_app login password :'gateway_password';
create database gateway owner gateway_owner;
revoke all on database gateway from public;
grant connect on database gateway to gateway_app;

create role fmb_service_owner login password :'fmb_owner_password';
create role fmb_service_app login password :'fmb_password';
create database fmb_service owner fmb_service_owner;
revoke all on database fmb_service from public;
grant connect on database fmb_service to fmb_service_app;

create role codeserver_service_owner login password :'codeserver_owner_password';
create role codeserver_service_app login password :'codeserver_password';
create database codeserver_service owner codeserver_service_owner;
revoke all on database codeserver_service from public;
grant connect on database codeserver_service to codeserver_service_app;

create role hosp_service_owner login password :'hosp_owner_password';
create role hosp_service_app login password :'hosp_password';
create database hosp_service owner hosp_service_owner;
revoke all on database hosp_service from public;
grant connect on database hosp_service to hosp_service_app;

create role death_certificate_service_owner login password :'death_certificates_owner_password';
create role death_certificate_service_app login password :'death_certificates_password';
create database death_certificate_service owner death_certificate_service_owner;
revoke all on database death_certificate_service from public;
grant connect on database death_certificate_service to death_certificate_service_app;
