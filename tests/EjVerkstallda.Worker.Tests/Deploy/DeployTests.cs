using System.Diagnostics;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace EjVerkstallda.Worker.Tests.Deploy;

/// <summary>What an administrator installs from <c>deploy/</c> is checked like code.</summary>
[TestFixture]
public sealed class DeployTests
{
    private static string Repo => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    [Test]
    public async Task SystemdUnit_Verify_ReportsNoProblems()
    {
        if (!File.Exists("/usr/bin/systemd-analyze"))
            TestPrerequisite.Unavailable("systemd-analyze is not installed (tests/run-tests.sh installs the systemd package)");
        var dir = Directory.CreateTempSubdirectory("ejv-unit-").FullName;
        try
        {
            // verify needs the executables to exist: point them at /bin/true, keep everything else as shipped.
            var unit = (await File.ReadAllTextAsync(Path.Combine(Repo, "deploy", "linux", "ejverkstallda.service")))
                .Replace("/opt/ejverkstallda/ejv", "/bin/true", StringComparison.Ordinal);
            var path = Path.Combine(dir, "ejverkstallda.service");
            await File.WriteAllTextAsync(path, unit);
            var psi = new ProcessStartInfo("/usr/bin/systemd-analyze") { RedirectStandardError = true, RedirectStandardOutput = true };
            psi.ArgumentList.Add("verify");
            psi.ArgumentList.Add(path);
            using var p = Process.Start(psi)!;
            var err = await p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            var problems = err.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(l => l.Contains("ejverkstallda.service", StringComparison.Ordinal)).ToList();
            Assert.That(p.ExitCode, Is.Zero, err);
            Assert.That(problems, Is.Empty, err);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void SystemdUnit_Hardening_RunsAsDedicatedUserWithoutPrivileges()
    {
        var unit = File.ReadAllText(Path.Combine(Repo, "deploy", "linux", "ejverkstallda.service"));
        Assert.That(unit, Does.Contain("User=ejverkstallda"));
        Assert.That(unit, Does.Contain("NoNewPrivileges=yes"));
        Assert.That(unit, Does.Contain("ProtectSystem=strict"));
        Assert.That(unit, Does.Contain("Restart=on-failure"));
        var settings = unit.Split('\n').Where(l => !l.TrimStart().StartsWith('#')).ToList();
        Assert.That(settings.Where(l => l.Contains("Password", StringComparison.OrdinalIgnoreCase)), Is.Empty, "secrets come from the EnvironmentFile, never the unit");
        Assert.That(settings, Does.Contain("EnvironmentFile=-/etc/ejverkstallda/secrets.env"));
    }

    [Test]
    public void ProductionExample_BindsAndValidates_ExceptForRecipientsOfTheRealKommun()
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Repo, "src", "EjVerkstallda.Worker", "appsettings.json"))
            .AddJsonFile(Path.Combine(Repo, "deploy", "config", "appsettings.Production.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Ejv:Mail:Smtp:Password"] = "from-the-environment" })
            .Build();
        var options = config.GetSection("Ejv").Get<EjvOptions>()!;
        var result = new EjvOptionsValidator().Validate(null, options);
        Assert.That(result.Failures ?? [], Is.Empty, string.Join("; ", result.Failures ?? []));
        Assert.That(options.Source.Provider, Is.EqualTo("sqlserver"));
        Assert.That(options.Schedule.Clustered, Is.True);
        Assert.That(new Uri(options.Schedule.HealthUrl).IsLoopback, Is.True);
    }

    [Test]
    public void ShippedDefault_IsAWorkingEmbeddedConfiguration()
    {
        var config = new ConfigurationBuilder().AddJsonFile(Path.Combine(Repo, "src", "EjVerkstallda.Worker", "appsettings.json")).Build();
        var options = config.GetSection("Ejv").Get<EjvOptions>()!;
        var result = new EjvOptionsValidator().Validate(null, options);
        Assert.That(result.Failures ?? [], Is.Empty, string.Join("; ", result.Failures ?? []));
        Assert.That((options.Source.Provider, options.State.Provider, options.Mail.Delivery), Is.EqualTo(("sqlite", "sqlite", "pickup")));
        Assert.That(new Uri(options.Schedule.HealthUrl).IsLoopback, Is.True, "the health endpoint binds to loopback by default");
    }

    [Test]
    public void SystemdUnit_TypeNotify_WatchdogAndTimeoutsCoverStartAndStop()
    {
        var unit = Settings(Path.Combine(Repo, "deploy", "linux", "ejverkstallda.service"));
        Assert.Multiple(() =>
        {
            Assert.That(unit, Does.Contain("Type=notify"));
            Assert.That(unit.Any(l => l.StartsWith("WatchdogSec=", StringComparison.Ordinal)), Is.True, "the host reports WATCHDOG=1");
            Assert.That(unit.Any(l => l.StartsWith("TimeoutStartSec=", StringComparison.Ordinal)), Is.True, "start-up migrates the state store");
            Assert.That(unit.Where(l => l.Contains("migrate", StringComparison.Ordinal)), Is.Empty, "migrations are part of the service's start, before READY=1");
            Assert.That(Seconds(unit.Single(l => l.StartsWith("TimeoutStopSec=", StringComparison.Ordinal))),
                Is.GreaterThan(Worker.Service.PlatformHosting.DefaultShutdownTimeout.TotalSeconds), "systemd waits longer than the host waits for a running job");
        });
    }

    [Test]
    public async Task InstallSh_RunsAsRootWithoutSudoOrSdk_AndStartsNothing()
    {
        var path = Path.Combine(Repo, "deploy", "linux", "install.sh");
        var executed = Executed(path);
        Assert.Multiple(() =>
        {
            Assert.That(executed.Where(l => l.Contains("sudo", StringComparison.Ordinal)), Is.Empty, "a fresh Debian has no sudo");
            Assert.That(executed.Where(l => l.Contains("dotnet", StringComparison.Ordinal)), Is.Empty, "no SDK on the server: publish.sh runs on the build machine");
            Assert.That(executed.Where(l => l.Contains("enable", StringComparison.Ordinal)), Is.Empty, "an unconfigured service is not enabled or started");
            Assert.That(executed.Where(l => l.Contains("/ejv ", StringComparison.Ordinal) || l.EndsWith("/ejv", StringComparison.Ordinal)), Is.Empty,
                "nothing runs against the placeholder configuration");
            Assert.That(executed.Where(l => l.Contains("chmod 0644", StringComparison.Ordinal) || l.Contains("0755 -o ejverkstallda", StringComparison.Ordinal)), Is.Empty);
        });
        var syntax = await Shell("/bin/sh", "-n", path);
        Assert.That(syntax.ExitCode, Is.Zero, syntax.Output);
        var noArgs = await Shell("/bin/sh", path);
        var notPublished = await Shell("/bin/sh", path, Directory.CreateTempSubdirectory("ejv-notpublished-").FullName);
        Assert.Multiple(() =>
        {
            Assert.That(noArgs.ExitCode, Is.EqualTo(1), noArgs.Output);
            Assert.That(noArgs.Output, Does.Contain("usage: sh install.sh PUBLISHED_FOLDER"));
            Assert.That(notPublished.ExitCode, Is.EqualTo(1), notPublished.Output);
            Assert.That(notPublished.Output, Does.Contain("is not a published folder"));
        });
    }

    [Test]
    public async Task PublishSh_ReadyToRunForLinux_ShipsWhatInstallNeeds()
    {
        var path = Path.Combine(Repo, "deploy", "linux", "publish.sh");
        var text = string.Join('\n', Executed(path));
        Assert.That(text, Does.Contain("dotnet publish src/EjVerkstallda.Worker -c Release -r linux-x64"));
        Assert.That(text, Does.Contain("-p:PublishReadyToRun=true"));
        Assert.That(text, Does.Contain("deploy/linux/ejverkstallda.service").And.Contain("deploy/linux/install.sh").And.Contain("deploy/config/appsettings.Production.json"));
        var syntax = await Shell("/bin/bash", "-n", path);
        Assert.That(syntax.ExitCode, Is.Zero, syntax.Output);
    }

    /// <summary>PowerShell does not run here: the script is checked as text (see README "Windows service": not run on Windows).</summary>
    [Test]
    public void InstallPs1_RegistersAWindowsService_NoScheduledTaskNoMachineSecrets()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo, "deploy", "windows", "install.ps1")).Where(l => !l.TrimStart().StartsWith('#')).ToList();
        var text = string.Join('\n', lines);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("ScheduledTask"), "the scheduled task is gone");
            Assert.That(text, Does.Contain("New-Service -Name $Name"));
            Assert.That(text, Does.Contain("sc.exe failure $Name").And.Contain("actions= restart/"));
            Assert.That(text, Does.Contain("sc.exe failureflag $Name 1"), "recovery also when it exits non-zero");
            Assert.That(text, Does.Contain("\"NT SERVICE\\EjVerkstallda\""), "a virtual account by default");
            Assert.That(text, Does.Contain("C:\\ProgramData\\EjVerkstallda"));
            Assert.That(text, Does.Contain("/inheritance:r"));
            Assert.That(text, Does.Contain("EJV_WORKING_FOLDER=$DataDir"), "relative paths land under ProgramData, not System32");
            Assert.That(text, Does.Not.Contain("\"Machine\""), "no machine-wide environment variables");
            Assert.That(text, Does.Not.Contain("-LogonType"));
            Assert.That(text, Does.Not.Contain("dotnet publish"), "no SDK on the server");
            var start = lines.FindIndex(l => l.Contains("Start-Service -Name $Name", StringComparison.Ordinal));
            Assert.That(start > 0 && lines[start - 1].Trim() == "if ($wasRunning) {", Is.True, "only an upgrade of a running service is started again");
        });
    }

    [Test]
    public void ProductionExample_DiarienummerPerQuarter_AndRelativeFolders()
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Repo, "src", "EjVerkstallda.Worker", "appsettings.json"))
            .AddJsonFile(Path.Combine(Repo, "deploy", "config", "appsettings.Production.json"))
            .Build();
        var options = config.GetSection("Ejv").Get<EjvOptions>()!;
        var texts = options.Namnder[0].Tjansteskrivelse;
        Assert.Multiple(() =>
        {
            Assert.That(texts.DiarienummerFor("2026Q4"), Is.Not.EqualTo(texts.DiarienummerFor("2027Q1")), "each quarter is an ärende of its own");
            Assert.That(Path.IsPathRooted(options.Output.Folder), Is.False, "under the service's working folder on Linux and Windows");
            Assert.That(Path.IsPathRooted(config["Ejv:Logging:Folder"] ?? ""), Is.False);
            Assert.That(ConfigurationKeys.Unknown(config), Is.Empty, "every key of the example is read by an option");
        });
    }

    private static List<string> Settings(string path) =>
        File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

    /// <summary>The lines a shell executes: no comments, no here-document text (the printed next steps).</summary>
    private static List<string> Executed(string path)
    {
        var list = new List<string>();
        string? heredoc = null;
        foreach (var line in File.ReadAllLines(path).Select(l => l.Trim()))
        {
            if (heredoc is not null) { if (line == heredoc) heredoc = null; continue; }
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.IndexOf("<<", StringComparison.Ordinal) is var i and >= 0) heredoc = line[(i + 2)..].Trim().Trim('\'', '"', '-');
            list.Add(line);
        }
        return list;
    }

    private static double Seconds(string setting)
    {
        var value = setting[(setting.IndexOf('=') + 1)..];
        return value.EndsWith("min", StringComparison.Ordinal) ? double.Parse(value[..^3], System.Globalization.CultureInfo.InvariantCulture) * 60
            : double.Parse(value.TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<(int ExitCode, string Output)> Shell(string shell, params string[] args)
    {
        var psi = new ProcessStartInfo(shell) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync() + await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, output);
    }
}
