#!/usr/bin/env bash
# Installs or upgrades EjVerkställda as a systemd service. Run as root from the repository root:
#   bash deploy/linux/install.sh
set -euo pipefail
PREFIX=/opt/ejverkstallda
id ejverkstallda >/dev/null 2>&1 || useradd --system --home-dir /var/lib/ejverkstallda --shell /usr/sbin/nologin ejverkstallda
systemctl stop ejverkstallda 2>/dev/null || true
dotnet publish src/EjVerkstallda.Worker -c Release -r linux-x64 -o "$PREFIX" --nologo   # ReadyToRun: see the .csproj
cp README.md "$PREFIX/"
install -d -m 0750 -o ejverkstallda -g ejverkstallda /var/lib/ejverkstallda /var/log/ejverkstallda
install -d -m 0750 /etc/ejverkstallda
[ -f /etc/ejverkstallda/secrets.env ] || install -m 0600 /dev/null /etc/ejverkstallda/secrets.env
[ -f "$PREFIX/appsettings.Production.json" ] || cp deploy/config/appsettings.Production.json "$PREFIX/appsettings.Production.json"
install -m 0644 deploy/linux/ejverkstallda.service /etc/systemd/system/ejverkstallda.service
systemctl daemon-reload
sudo -u ejverkstallda --preserve-env=DOTNET_ENVIRONMENT env DOTNET_ENVIRONMENT=Production "$PREFIX/ejv" migrate
systemctl enable --now ejverkstallda
echo "installed; edit $PREFIX/appsettings.Production.json and /etc/ejverkstallda/secrets.env, then: systemctl restart ejverkstallda"
