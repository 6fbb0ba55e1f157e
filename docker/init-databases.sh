#!/usr/bin/env bash
# Runs once, on the first start of the PostgreSQL container (docker-entrypoint-initdb.d): creates each service's
# database and its two roles (init-databases.sql) with the passwords from the environment (docker-compose.yml).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v gateway_owner_password="$GATEWAY_DB_OWNER_PASSWORD" -v gateway_password="$GATEWAY_DB_PASSWORD" \
  -v fmb_owner_password="$FMB_DB_OWNER_PASSWORD" -v fmb_password="$FMB_DB_PASSWORD" \
  -v codeserver_owner_password="$CODESERVER_DB_OWNER_PASSWORD" -v codeserver_password="$CODESERVER_DB_PASSWORD" \
  -v hosp_owner_password="$HOSP_DB_OWNER_PASSWORD" -v hosp_password="$HOSP_DB_PASSWORD" \
  -v death_certificates_owner_password="$DEATH_CERTIFICATES_DB_OWNER_PASSWORD" \
  -v death_certificates_password="$DEATH_CERTIFICATES_DB_PASSWORD" \
  -f /docker/init-databases.sql
