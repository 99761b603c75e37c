using System.Collections.Concurrent;
using System.Diagnostics;

namespace EjVerkstallda.Worker.Tests.Support;

/// <summary>
/// <c>ejv</c> with no command: the service, as a real process. Its output is collected line by line so a test can wait for
/// a log line; it is stopped with SIGTERM (as systemd does) or killed with SIGKILL (a crash).
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ServiceProcess(Process process) => _process = process;

    public static ServiceProcess Start(string workingFolder, IEnumerable<string> args, IDictionary<string, string>? env = null)
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
        var p = new Process { StartInfo = psi };
        var service = new ServiceProcess(p);
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) service._lines.Enqueue(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) service._lines.Enqueue(e.Data); };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return service;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public IReadOnlyList<string> Lines => _lines.ToArray();

    /// <summary>Lines the user reads as the error (not log lines).</summary>
    public IReadOnlyList<string> ErrorLines => Lines.Where(l => l.StartsWith("ejv:", StringComparison.Ordinal)).ToList();

    public int Count(string fragment) => Lines.Count(l => l.Contains(fragment, StringComparison.Ordinal));

    /// <summary>Waits until at least <paramref name="count"/> lines contain <paramref name="fragment"/>; false if the process exits or time runs out first.</summary>
    public async Task<bool> WaitForAsync(string fragment, TimeSpan timeout, int count = 1)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (Count(fragment) >= count) return true;
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(); // drains the output
                return Count(fragment) >= count;
            }
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>SIGTERM, then waits for a graceful exit. True when the process ended in time.</summary>
    public async Task<bool> TerminateAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start(new ProcessStartInfo("/bin/kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
            await kill.WaitForExitAsync();
        }
        return await WaitForExitAsync(timeout);
    }

    /// <summary>SIGKILL: the process dies where it is, as in a crash or a power cut.</summary>
    public async Task CrashAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: false);
        await WaitForExitAsync(TimeSpan.FromSeconds(20));
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public override string ToString() => $"ejv service pid {Id}{(HasExited ? $", exit {ExitCode}" : "")}\n{string.Join('\n', Lines)}";

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
    }
}
