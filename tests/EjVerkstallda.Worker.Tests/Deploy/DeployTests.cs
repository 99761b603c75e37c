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
}
