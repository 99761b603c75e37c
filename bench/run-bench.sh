#!/usr/bin/env bash
# The benchmark behind README "Performance". Needs a PostgreSQL server: EJV_TEST_PG="Host=...;Username=...;Password=...;Database=postgres".
# Takes about 20 minutes on 2 cores (filling the 5,000,000-beslut databases is most of it; --reuse skips refilling).
set -euo pipefail
cd "$(dirname "$0")/.."
# The worker as the install scripts publish it (ReadyToRun for this machine's runtime).
EJV_DIR=${EJV_DIR:-/tmp/ejv-bench-app}
dotnet publish src/EjVerkstallda.Worker -c Release -r linux-x64 -o "$EJV_DIR" -nologo -v quiet
dotnet run -c Release --project bench/EjVerkstallda.Bench -- --ejv "$EJV_DIR/ejv.dll" \
  --sizes "${SIZES:-0,100000,1000000,5000000}" --providers "${PROVIDERS:-sqlite,postgresql}" --namnder "${NAMNDER:-300}" "$@"
