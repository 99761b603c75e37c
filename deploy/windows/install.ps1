# Installs or upgrades EjVerkställda as a Windows service. Run in an elevated PowerShell on the server (no .NET SDK
# needed there). Publish first, on the build machine:
#   dotnet publish src\EjVerkstallda.Worker -c Release -r win-x64 -p:PublishReadyToRun=true -o artifacts\ejverkstallda-win-x64
# then copy that folder and this script to the server and run:
#   powershell -ExecutionPolicy Bypass -File install.ps1 -PublishedFolder C:\Temp\ejverkstallda-win-x64
#   (-ServiceAccount 'KOMMUN\svc-ejv$' for a group managed service account; the default is the virtual account)
#
# What it does:
# - the program in "C:\Program Files\EjVerkstallda" (administrators write, everybody reads: no secrets in it);
# - the working folder C:\ProgramData\EjVerkstallda: state, outputs, mail pickup and logs are relative paths under it
#   (the service works there: EJV_WORKING_FOLDER in the service's own environment), readable by the service account and
#   Administrators only (inheritance removed);
# - the service "EjVerkstallda" (New-Service), started automatically (delayed), running as NT SERVICE\EjVerkstallda or
#   a gMSA (neither has a password to store), restarted on failure (sc.exe failure + failureflag: also when it stops
#   with a non-zero exit code, which it does on a fault);
# - secrets in C:\ProgramData\EjVerkstallda\secrets.json (given to the service with --settings), readable by the
#   service account and Administrators only; never machine-wide environment variables, which every local user can read.
# It does not start a new installation: edit the configuration, create the state store (ejv init), then Start-Service.
param(
    [Parameter(Mandatory = $true)][string]$PublishedFolder,
    [string]$ServiceAccount = "NT SERVICE\EjVerkstallda",
    [string]$InstallDir = "C:\Program Files\EjVerkstallda",
    [string]$DataDir = "C:\ProgramData\EjVerkstallda"
)
$ErrorActionPreference = "Stop"
$Name = "EjVerkstallda"
$Administrators = "*S-1-5-32-544"   # the Administrators group by SID: its name is translated on a Swedish Windows
if (-not (Test-Path (Join-Path $PublishedFolder "ejv.exe"))) { throw "$PublishedFolder has no ejv.exe: publish with -r win-x64 first" }

$existing = Get-Service -Name $Name -ErrorAction SilentlyContinue
$wasRunning = $existing -and $existing.Status -eq "Running"
if ($wasRunning) { Stop-Service -Name $Name }

# The program; an existing appsettings.Production.json is kept.
New-Item -ItemType Directory -Force -Path $InstallDir | Out-Null
Copy-Item -Path (Join-Path $PublishedFolder "*") -Destination $InstallDir -Recurse -Force -Exclude "appsettings.Production.json"
$config = Join-Path $InstallDir "appsettings.Production.json"
if (-not (Test-Path $config)) {
    $example = @((Join-Path $PublishedFolder "deploy\appsettings.Production.json"), (Join-Path $PSScriptRoot "..\config\appsettings.Production.json")) |
        Where-Object { Test-Path $_ } | Select-Object -First 1
    if (-not $example) { throw "appsettings.Production.json not found beside the script (deploy\config) or in the published folder" }
    Copy-Item $example $config
}

$exe = Join-Path $InstallDir "ejv.exe"
$secrets = Join-Path $DataDir "secrets.json"
$binPath = "`"$exe`" --settings `"$secrets`""
if (-not $existing) {
    New-Service -Name $Name -BinaryPathName $binPath -DisplayName "EjVerkställda" -StartupType Automatic `
        -Description "EjVerkställda: quarterly report of ej verkställda gynnande beslut (SoL, LSS)" | Out-Null
} else {
    sc.exe config $Name binPath= $binPath | Out-Null
}
# The account: a virtual account or a gMSA needs no password (sc.exe obj= with an empty password).
sc.exe config $Name obj= $ServiceAccount start= delayed-auto | Out-Null
if ($LASTEXITCODE -ne 0) { throw "sc.exe config obj= $ServiceAccount failed ($LASTEXITCODE)" }
# Restart after 1 min, 1 min, then 5 min; the count resets after a day without failures. failureflag 1: the actions
# also run when the service stops itself with a non-zero exit code (a fault), not only when the process crashes.
sc.exe failure $Name reset= 86400 actions= restart/60000/restart/60000/restart/300000 | Out-Null
sc.exe failureflag $Name 1 | Out-Null

# The service's own environment (REG_MULTI_SZ "Environment" under its key): no secrets here.
$key = "HKLM:\SYSTEM\CurrentControlSet\Services\$Name"
Set-ItemProperty -Path $key -Name Environment -Type MultiString -Value @(
    "DOTNET_ENVIRONMENT=Production",
    "EJV_WORKING_FOLDER=$DataDir"
)

# The working folder: state, outputs, pickup and logs under it, for the service account and Administrators only.
foreach ($sub in @("", "out", "mail", "logs")) { New-Item -ItemType Directory -Force -Path (Join-Path $DataDir $sub) | Out-Null }
icacls $DataDir /inheritance:r /grant:r "${Administrators}:(OI)(CI)F" "${ServiceAccount}:(OI)(CI)M" | Out-Null
if ($LASTEXITCODE -ne 0) { throw "icacls on $DataDir failed ($LASTEXITCODE)" }
if (-not (Test-Path $secrets)) {
    Set-Content -Path $secrets -Encoding UTF8 -Value '{ "Ejv": { "Mail": { "Smtp": { "Password": "" } } } }'
}
# The secrets file: Administrators write, the service reads, nobody else.
icacls $secrets /inheritance:r /grant:r "${Administrators}:F" "${ServiceAccount}:R" | Out-Null

if ($wasRunning) {
    Start-Service -Name $Name
    Write-Host "Upgraded and restarted. Check: Get-Service $Name"
    exit 0
}
Write-Host @"
Installed (not started). Next steps, in an elevated PowerShell:
  1. edit $config (case system, state store, mail, nämnder; relative paths are under $DataDir)
     and $secrets (passwords and connection strings with passwords)
  2. create the state store, from the working folder:
     cd $DataDir; & '$exe' init --settings '$secrets'
     (the new state store inherits the folder's ACL: the service account and Administrators only)
  3. Start-Service $Name      (then: & '$exe' status --settings '$secrets')
Stopping waits for a running quarterly run (up to 5 minutes, HostOptions.ShutdownTimeout); see README "Windows service".
"@
