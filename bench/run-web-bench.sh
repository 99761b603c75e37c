#!/usr/bin/env bash
# The web benchmark behind README "Performance" (web pages): a quarter of 2 000 IVO reports, the real ejv service serving
# the pages on loopback, a signed-in HttpClient (OpenID Connect through tests/idp/oidc.mjs), 10 warm-up and 50 timed
# requests per page. State store SQLite; PostgreSQL too when EJV_TEST_PG="Host=...;Username=...;Password=...;Database=postgres".
# Takes about two minutes on 2 cores. Needs node and tests/idp/node_modules (npm ci in tests/idp).
set -euo pipefail
cd "$(dirname "$0")/.."
EJV_DIR=${EJV_DIR:-/tmp/ejv-bench-app}
dotnet publish src/EjVerkstallda.Worker -c Release -r linux-x64 -o "$EJV_DIR" -nologo -v quiet
[ -d tests/idp/node_modules/oidc-provider ] || (cd tests/idp && npm ci --no-audit --no-fund --loglevel=error)
default_providers=sqlite; [ -n "${EJV_TEST_PG:-}" ] && default_providers=sqlite,postgresql
uptime
dotnet run -c Release --project bench/EjVerkstallda.Bench -- --web --ejv "$EJV_DIR/ejv.dll" --providers "${PROVIDERS:-$default_providers}" "$@"
uptime
