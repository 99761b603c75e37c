#!/usr/bin/env bash
# The benchmark behind README "Performance". Needs a PostgreSQL server: EJV_TEST_PG="Host=...;Username=...;Password=...;Database=postgres".
# Takes about 20 minutes on 2 cores (filling the 5,000,000-beslut databases is most of it; --reuse skips refilling).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/EjVerkstallda.Worker -c Release -nologo -v quiet
dotnet run -c Release --project bench/EjVerkstallda.Bench -- --ejv src/EjVerkstallda.Worker/bin/Release/net10.0/ejv.dll \
  --sizes "${SIZES:-0,100000,1000000,5000000}" --providers "${PROVIDERS:-sqlite,postgresql}" --namnder "${NAMNDER:-300}" "$@"
