using System.Diagnostics;

namespace EjVerkstallda.Bench.Web;

/// <summary>The published ejv with the benchmark's configuration: commands run to completion, the service as a <see cref="Child"/>.</summary>
public sealed class EjvCli(string ejvDll, string dir, string[] config)
{
    public Task RunAsync(params string[] command) => RunAsync((IEnumerable<string>)command);

    public async Task RunAsync(IEnumerable<string> command)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { ejvDll }.Concat(command).Concat(config)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        await stdout;
        if (p.ExitCode != 0) throw new InvalidOperationException($"ejv {string.Join(' ', command.Take(3))} failed ({p.ExitCode}): {stderr}");
    }

    /// <summary>The service (no command): the schedule and the pages.</summary>
    public Child Start(string logFile, IReadOnlyDictionary<string, string> env, params string[] extra) =>
        Child.Start("dotnet", [ejvDll, .. config, .. extra], dir, logFile, env);
}
