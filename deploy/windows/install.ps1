# Installs EjVerkställda on Windows Server as a Scheduled Task that starts at boot, runs without a logged-on user,
# and restarts on failure. Run in an elevated PowerShell from the repository root:
#   powershell -ExecutionPolicy Bypass -File deploy\windows\install.ps1 -ServiceAccount "KOMMUN\svc-ejv"
#
# Why not a Windows service: the Windows-service hosting package (Microsoft.Extensions.Hosting.WindowsServices) is not
# available from this project's package source, and without it the program cannot answer the service control manager.
# A scheduled task gives the same unattended behaviour (start at boot, restart on failure, a dedicated account). When
# the package is available, add builder.Services.AddWindowsService() and register with: sc.exe create EjVerkstallda ...
param(
    [Parameter(Mandatory = $true)][string]$ServiceAccount,
    [string]$InstallDir = "C:\Program Files\EjVerkstallda",
    [string]$DataDir = "C:\ProgramData\EjVerkstallda"
)
$ErrorActionPreference = "Stop"
dotnet publish src/EjVerkstallda.Worker -c Release -r win-x64 -o $InstallDir --nologo   # ReadyToRun: see the .csproj
New-Item -ItemType Directory -Force -Path $DataDir | Out-Null
if (-not (Test-Path "$InstallDir\appsettings.Production.json")) {
    Copy-Item deploy\config\appsettings.Production.json "$InstallDir\appsettings.Production.json"
}
# Only the service account and administrators may read the data folder (the IVO underlag is confidential).
icacls $DataDir /inheritance:r /grant:r "Administrators:(OI)(CI)F" "${ServiceAccount}:(OI)(CI)M" | Out-Null

[Environment]::SetEnvironmentVariable("DOTNET_ENVIRONMENT", "Production", "Machine")
# Secrets: set them as machine environment variables readable by the service account, e.g.
#   [Environment]::SetEnvironmentVariable("Ejv__Mail__Smtp__Password", "<secret>", "Machine")

& "$InstallDir\ejv.exe" migrate

$action = New-ScheduledTaskAction -Execute "$InstallDir\ejv.exe" -WorkingDirectory $DataDir
$trigger = New-ScheduledTaskTrigger -AtStartup
$settings = New-ScheduledTaskSettingsSet -RestartCount 999 -RestartInterval (New-TimeSpan -Minutes 1) `
    -ExecutionTimeLimit ([TimeSpan]::Zero) -MultipleInstances IgnoreNew -StartWhenAvailable
$principal = New-ScheduledTaskPrincipal -UserId $ServiceAccount -LogonType Password -RunLevel Limited
Register-ScheduledTask -TaskName "EjVerkstallda" -Action $action -Trigger $trigger -Settings $settings -Principal $principal `
    -Description "EjVerkställda: quarterly report of ej verkställda gynnande beslut" -Force
Start-ScheduledTask -TaskName "EjVerkstallda"
Write-Host "Installed. Check with: & '$InstallDir\ejv.exe' status   (from $DataDir)"
