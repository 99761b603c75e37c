#!/bin/sh
# Step 2 of 2, on the SERVER, as root (no sudo, no .NET SDK needed): installs or upgrades EjVerkställda from the folder
# deploy/linux/publish.sh wrote on the build machine.
#   sh deploy/install.sh /path/to/published-folder
# It copies the program to /opt/ejverkstallda, creates the system user and its folders with restrictive modes, installs
# the systemd unit and a configuration to edit. It does NOT start a new installation (it is not configured yet) and
# runs nothing against any database; it prints the next steps. An upgrade of a running service restarts it.
set -eu
SRC=${1:-}
PREFIX=/opt/ejverkstallda
STATE=/var/lib/ejverkstallda
LOGS=/var/log/ejverkstallda
ETC=/etc/ejverkstallda
UNIT=/etc/systemd/system/ejverkstallda.service

fail() { echo "install.sh: $*" >&2; exit 1; }
[ -n "$SRC" ] || fail "usage: sh install.sh PUBLISHED_FOLDER (the folder deploy/linux/publish.sh wrote)"
[ "$(id -u)" -eq 0 ] || fail "run as root (for example: su -c 'sh install.sh $SRC')"
[ -x "$SRC/ejv" ] && [ -f "$SRC/deploy/ejverkstallda.service" ] || fail "$SRC is not a published folder: run deploy/linux/publish.sh on the build machine"
umask 022

getent group ejverkstallda >/dev/null || groupadd --system ejverkstallda
id ejverkstallda >/dev/null 2>&1 || useradd --system --gid ejverkstallda --home-dir "$STATE" --no-create-home \
    --shell /usr/sbin/nologin ejverkstallda

WAS_ACTIVE=no
if systemctl is-active --quiet ejverkstallda 2>/dev/null; then WAS_ACTIVE=yes; systemctl stop ejverkstallda; fi

# The program: owned by root, readable by all (it holds no secrets); the old files are replaced, the configuration kept.
install -d -m 0755 "$PREFIX"
find "$PREFIX" -mindepth 1 -maxdepth 1 ! -name appsettings.Production.json -exec rm -rf {} +
cp -R "$SRC"/. "$PREFIX"/
rm -rf "$PREFIX/deploy"
chown -R root:root "$PREFIX"

# State, outputs, mail pickup and logs: the service user only (the IVO underlag and the ledger are confidential).
install -d -m 0750 -o ejverkstallda -g ejverkstallda "$STATE" "$LOGS"
# Configuration and secrets: root writes, the service group reads the configuration; secrets are read by systemd (root).
install -d -m 0750 -o root -g ejverkstallda "$ETC"
[ -f "$ETC/secrets.env" ] || install -m 0600 -o root -g root /dev/null "$ETC/secrets.env"
if [ ! -f "$PREFIX/appsettings.Production.json" ]; then
    install -m 0640 -o root -g ejverkstallda "$SRC/deploy/appsettings.Production.json" "$PREFIX/appsettings.Production.json"
    NEW=yes
else
    NEW=no
fi

install -m 0644 -o root -g root "$SRC/deploy/ejverkstallda.service" "$UNIT"
systemctl daemon-reload 2>/dev/null || echo "install.sh: systemd is not running here; the unit is in $UNIT" >&2

if [ "$WAS_ACTIVE" = yes ]; then
    systemctl start ejverkstallda
    echo "upgraded and restarted; check: systemctl status ejverkstallda"
    exit 0
fi
cat <<NEXT
installed to $PREFIX (not started). Next steps:
  1. edit $PREFIX/appsettings.Production.json (case system, state store, mail, nämnder)
     and $ETC/secrets.env (one KEY=value a line, e.g. Ejv__Mail__Smtp__Password=..., Ejv__State__ConnectionString=...)
  2. create the state store, as the service user with the service's environment:
     systemd-run --wait --pipe -p User=ejverkstallda -p WorkingDirectory=$STATE -p EnvironmentFile=$ETC/secrets.env \\
         -E DOTNET_ENVIRONMENT=Production -E Ejv__Logging__Folder=$LOGS $PREFIX/ejv init
  3. systemctl enable --now ejverkstallda     (then: systemctl status ejverkstallda; journalctl -u ejverkstallda)
NEXT
[ "$NEW" = yes ] || echo "(the existing $PREFIX/appsettings.Production.json was kept)"
