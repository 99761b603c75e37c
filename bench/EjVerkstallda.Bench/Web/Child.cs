using System.Diagnostics;

namespace EjVerkstallda.Bench.Web;

/// <summary>A child process of the web benchmark (the ejv service, the identity provider), its output in a log file, killed on dispose.</summary>
public sealed class Child : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private Child(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public int Pid => _process.Id;

    public Task<string?> FirstLineAsync() => _process.StandardOutput.ReadLineAsync();

    /// <summary>Starts <paramref name="file"/>; with <paramref name="keepStdout"/> the caller reads standard output itself.</summary>
    public static Child Start(string file, IEnumerable<string> args, string workDir, string logFile, IReadOnlyDictionary<string, string>? env = null, bool keepStdout = false)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        var p = Process.Start(psi) ?? throw new InvalidOperationException($"{file} did not start");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        void Write(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (log) log.WriteLine(e.Data);
        }
        p.ErrorDataReceived += Write;
        p.BeginErrorReadLine();
        if (!keepStdout)
        {
            p.OutputDataReceived += Write;
            p.BeginOutputReadLine();
        }
        return new Child(p, log);
    }

    /// <summary>Peak resident memory (VmHWM) in MB, from /proc.</summary>
    public double PeakRssMb()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>CPU time the process has used so far (user + system, from /proc; 10 ms ticks), in milliseconds.</summary>
    public double CpuMs()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(f[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(f[12], System.Globalization.CultureInfo.InvariantCulture)) * 10.0;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
