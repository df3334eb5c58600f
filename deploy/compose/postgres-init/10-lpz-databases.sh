#!/usr/bin/env bash
# Runs once, on an empty data directory (the postgres image's /docker-entrypoint-initdb.d): the application role
# from LPZ_DB_USER / LPZ_DB_PASSWORD and one database per service, owned by it (docs/deployment.md).
set -euo pipefail
: "${LPZ_DB_USER:?LPZ_DB_USER is not set}" "${LPZ_DB_PASSWORD:?LPZ_DB_PASSWORD is not set}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_user="$LPZ_DB_USER" -v app_password="$LPZ_DB_PASSWORD" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
CREATE DATABASE lpz_capacity OWNER :"app_user";
CREATE DATABASE lpz_stop OWNER :"app_user";
CREATE DATABASE lpz_reporting OWNER :"app_user";
SQL
