using System.Diagnostics;

namespace EjVerkstallda.Worker.Tests.Support;

/// <summary>
/// Runs the built <c>ejv</c> under a given umask, as an administrator's shell would (.NET has no umask API, so a
/// <c>bash -c 'umask 022; exec dotnet ejv.dll ...'</c> child process sets it).
/// </summary>
public static class UmaskProcess
{
    public static async Task<EjvResult> RunAsync(string workingFolder, string umask, params string[] args)
    {
        var psi = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"umask {umask} && exec dotnet \"$@\"");
        psi.ArgumentList.Add("bash");
        psi.ArgumentList.Add(EjvProcess.Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_NOLOGO"] = "1";
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
}
