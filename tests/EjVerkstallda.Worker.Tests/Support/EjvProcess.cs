using System.Diagnostics;

namespace EjVerkstallda.Worker.Tests.Support;

/// <summary>Runs the built <c>ejv</c> executable as a user would: a real process in a working folder of its own.</summary>
public static class EjvProcess
{
    public static string Dll
    {
        get
        {
            var local = Path.Combine(AppContext.BaseDirectory, "ejv.dll");
            if (File.Exists(local) && File.Exists(Path.Combine(AppContext.BaseDirectory, "ejv.runtimeconfig.json"))) return local;
            throw new FileNotFoundException($"ejv.dll not found beside the tests in {AppContext.BaseDirectory}");
        }
    }

    public static async Task<EjvResult> RunAsync(string workingFolder, params string[] args) =>
        await RunAsync(workingFolder, null, args);

    public static async Task<EjvResult> RunAsync(string workingFolder, IDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_NOLOGO"] = "1";
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await p.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"ejv {string.Join(' ', args)} did not finish in 3 minutes");
        }
        return new EjvResult(p.ExitCode, await stdout, await stderr);
    }

    public static string TempFolder() => Directory.CreateTempSubdirectory("ejv-e2e-").FullName;
}

public sealed record EjvResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stderr without log lines: what the user reads as the error.</summary>
    public IReadOnlyList<string> ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Where(l => l.StartsWith("ejv:", StringComparison.Ordinal)).ToList();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
