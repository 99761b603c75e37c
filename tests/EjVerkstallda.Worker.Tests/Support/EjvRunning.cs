using System.Diagnostics;
using System.Text;

namespace EjVerkstallda.Worker.Tests.Support;

/// <summary>
/// An <c>ejv</c> process started in the background, so a test can wait for a log line and kill it there
/// (<see cref="Process.Kill()"/> is SIGKILL on Unix: no finally block, no flush, like a power cut).
/// </summary>
public sealed class EjvRunning : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private EjvRunning(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => { lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public bool HasExited => _process.HasExited;

    public static EjvRunning Start(string workingFolder, IDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(EjvProcess.Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_NOLOGO"] = "1";
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        return new EjvRunning(Process.Start(psi)!);
    }

    /// <summary>Polls stderr (bounded: <paramref name="limit"/>) until it holds <paramref name="text"/>; false if the process exited or the limit passed first.</summary>
    public async Task<bool> WaitForStderrAsync(string text, TimeSpan limit)
    {
        for (var waited = TimeSpan.Zero; waited < limit; waited += TimeSpan.FromMilliseconds(100))
        {
            if (Stderr.Contains(text, StringComparison.Ordinal)) return true;
            if (_process.HasExited) return Stderr.Contains(text, StringComparison.Ordinal);
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>Waits (bounded) for the process to end by itself; its exit code, or -1 if it was still running at the limit.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var cts = new CancellationTokenSource(limit);
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { return -1; }
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, then waits until the process is gone.</summary>
    public void KillHard()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: false);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }
}
