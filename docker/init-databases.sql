-- One database per service on the shared PostgreSQL server of docker-compose.yml.
create database fmb_service;
create database codeserver_service;
create database hosp_service;
create database death_certificate_service;
