#!/usr/bin/env bash
# The one command that runs every test (README "Tests"). On a fresh Debian machine with the .NET SDK it installs what the
# tests need (PostgreSQL, aiosmtpd, PyJWT, node and the test identity providers' npm packages, chromium, LibreOffice,
# poppler, openssl), starts a throwaway PostgreSQL on a loopback port,
# runs all NUnit projects, and prints the summary line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

log() { printf '[run-tests] %s\n' "$*" >&2; }

# ---- 1. What the tests need, installed only when missing ----------------------------------------------------------
need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
command -v libreoffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v systemd-analyze >/dev/null 2>&1 || need+=(systemd)
/usr/bin/python3 -c 'import jwt, cryptography' >/dev/null 2>&1 || need+=(python3-jwt python3-cryptography)
{ [ -x /usr/bin/node ] && command -v npm >/dev/null 2>&1; } || need+=(nodejs npm)
[ -x /usr/bin/chromium ] || need+=(chromium)   # the browser tests (tests/EjVerkstallda.Web.Tests) drive Debian's chromium
if [ ${#need[@]} -gt 0 ]; then
  log "installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

# The test identity providers (tests/idp): oauth2-mock-server for XOAUTH2, oidc-provider for the web login, and axe-core
# for the browser tests' accessibility check; pinned versions from its package-lock.json.
if [ ! -d tests/idp/node_modules/oauth2-mock-server ] || [ ! -d tests/idp/node_modules/oidc-provider ] || [ ! -d tests/idp/node_modules/axe-core ]; then
  log "npm ci in tests/idp"
  (cd tests/idp && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

# ---- 2. A throwaway PostgreSQL on loopback ------------------------------------------------------------------------
PGBIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
PGPORT=${EJV_TEST_PGPORT:-$(( 55000 + RANDOM % 1000 ))}
PGROOT=$(mktemp -d /tmp/ejv-pgtest.XXXXXX)
RUNAS=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$PGROOT"; RUNAS=(runuser -u postgres --)
fi
echo secret > "$PGROOT/pw"; [ "$(id -u)" -ne 0 ] || chown postgres "$PGROOT/pw"
stop_pg() {
  "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGROOT"
}
trap stop_pg EXIT
"${RUNAS[@]}" "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --pwfile="$PGROOT/pw" --auth-local=trust --auth-host=scram-sha-256 \
  -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 \
  -o "-p $PGPORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
export EJV_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=secret;Database=postgres;Pooling=false"
export EJV_TEST_PGBIN="$PGBIN"
log "PostgreSQL ready on 127.0.0.1:$PGPORT"

# ---- 3. Build once, run every test project ------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
RESULTS=$(mktemp -d /tmp/ejv-results.XXXXXX)
dotnet build EjVerkstallda.sln -c Release -nologo -v quiet >&2
status=0
dotnet test EjVerkstallda.sln -c Release --no-build --logger "trx" --results-directory "$RESULTS" -- NUnit.DefaultTimeout=600000 >&2 || status=$?

# ---- 4. The summary line ------------------------------------------------------------------------------------------
/usr/bin/python3 - "$RESULTS" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0)) + int(c.get("inconclusive", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$RESULTS"
exit $status
