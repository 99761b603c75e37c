using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EjVerkstallda.Bench;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.CaseSource;
using EjVerkstallda.Infrastructure.Data;
using Npgsql;

// Usage: dotnet run -c Release --project bench/EjVerkstallda.Bench -- --ejv <path to ejv.dll> [--sizes 100000,1000000] [--reuse]
//        [--providers sqlite,postgresql] [--pg "<admin connection string>"] [--work /tmp/ejv-bench] [--namnder 300]
//        --web [--warmup 10] [--samples 50] [--providers sqlite,postgresql]: the web pages instead (README "Performance", web pages)
var opts = Args.Parse(args);
if (args.Contains("--web"))
{
    int Int(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    await EjVerkstallda.Bench.Web.WebBench.RunAsync(opts, Int("--warmup", 10), Int("--samples", 50));
    return;
}
var quarter = Kvartal.Parse("2026Q3");
Directory.CreateDirectory(opts.Work);
Console.WriteLine("| provider | beslut | candidates | fill (s) | bare count (s) | bare select (s) | run (s) | run/count | run/select | process wall (s) | peak RSS (MB) | status (s) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var provider in opts.Providers)
{
    foreach (var size in opts.Sizes)
    {
        var (dialect, cs, exists) = await Create(provider, size, opts);
        var fill = Stopwatch.StartNew();
        if (!exists) await BenchDatabase.FillAsync(dialect, cs, quarter, size, 5);
        fill.Stop();
        var source = new CaseSourceOptions { Provider = dialect.Folder, ConnectionString = cs, CommandTimeout = TimeSpan.FromHours(1) };
        var reader = new CaseSourceReader(source, KommunTid.Stockholm);
        var candidates = await reader.CountCandidatesAsync(quarter, null, CancellationToken.None); // warm-up
        var bare = Median(await Repeat(3, async () => await reader.CountCandidatesAsync(quarter, null, CancellationToken.None)));
        var select = Median(await Repeat(3, async () => await reader.DrainCandidatesAsync(quarter, null, CancellationToken.None)));
        var runs = new List<(double Wall, double RssMb, double Run)>();
        for (var i = 0; i < 3; i++) runs.Add(await Ejv.TimedAsync(opts, dialect.Folder, cs, $"{provider}-{size}-{i}", ["run", "--quarter", quarter.ToString()]));
        var best = runs.MinBy(r => r.Run);
        var status = new List<double>();
        for (var i = 0; i < 3; i++) status.Add((await Ejv.TimedAsync(opts, dialect.Folder, cs, $"{provider}-{size}-0", ["status"], freshState: false)).Wall);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {size:N0} | {candidates:N0} | {fill.Elapsed.TotalSeconds:F1} | {bare:F3} | {select:F3} | {best.Run:F3} | {best.Run / bare:F2} | {best.Run / select:F2} | {best.Wall:F2} | {runs.Max(r => r.RssMb):F0} | {Median(status):F2} |"));
    }
}
if (opts.Namnder > 0) await Regional.RunAsync(opts, quarter);

static async Task<List<double>> Repeat(int n, Func<Task> work)
{
    var list = new List<double>();
    for (var i = 0; i < n; i++)
    {
        var sw = Stopwatch.StartNew();
        await work();
        list.Add(sw.Elapsed.TotalSeconds);
    }
    return list;
}

static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);

static async Task<(SqlDialect, string, bool Reused)> Create(string provider, long size, Args opts)
{
    if (provider == "sqlite")
    {
        var file = Path.Combine(opts.Work, $"case-{size}.db");
        if (opts.Reuse && File.Exists(file)) return (SqlDialect.For(DbProvider.Sqlite), $"Data Source={file};Pooling=False", true);
        foreach (var f in Directory.GetFiles(opts.Work, $"case-{size}.db*")) File.Delete(f);
        return (SqlDialect.For(DbProvider.Sqlite), $"Data Source={file};Pooling=False", false);
    }
    var name = $"ejv_bench_{size}";
    var target = new NpgsqlConnectionStringBuilder(opts.Pg) { Database = name, CommandTimeout = 3600 }.ToString();
    await using var c = new NpgsqlConnection(opts.Pg);
    await c.OpenAsync();
    if (opts.Reuse)
    {
        await using var exists = new NpgsqlCommand($"SELECT COUNT(*) FROM pg_database WHERE datname = '{name}'", c);
        if ((long)(await exists.ExecuteScalarAsync())! > 0) return (SqlDialect.For(DbProvider.PostgreSql), target, true);
    }
    await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c)) await drop.ExecuteNonQueryAsync();
    await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", c)) await create.ExecuteNonQueryAsync();
    return (SqlDialect.For(DbProvider.PostgreSql), target, false);
}

public sealed record Args(string EjvDll, long[] Sizes, string[] Providers, string Pg, string Work, int Namnder, bool Reuse)
{
    public static Args Parse(string[] a)
    {
        string Get(string name, string fallback) => Array.IndexOf(a, name) is var i and >= 0 && i + 1 < a.Length ? a[i + 1] : fallback;
        return new Args(
            Path.GetFullPath(Get("--ejv", "src/EjVerkstallda.Worker/bin/Release/net10.0/ejv.dll")),
            Get("--sizes", "100000,1000000").Split(',').Select(long.Parse).ToArray(),
            Get("--providers", "sqlite").Split(','),
            Get("--pg", Environment.GetEnvironmentVariable("EJV_TEST_PG") ?? ""),
            Path.GetFullPath(Get("--work", "/tmp/ejv-bench")),
            int.Parse(Get("--namnder", "0"), CultureInfo.InvariantCulture),
            a.Contains("--reuse"));
    }
}

/// <summary>Runs the built ejv under /usr/bin/time: wall seconds and peak resident memory of the process.</summary>
public static class Ejv
{
    public static async Task<(double Wall, double RssMb, double Run)> TimedAsync(Args opts, string provider, string cs, string tag, string[] command,
        bool freshState = true, string? settings = null)
    {
        var dir = Path.Combine(opts.Work, "run-" + tag);
        if (freshState && Directory.Exists(dir)) Directory.Delete(dir, true);
        Directory.CreateDirectory(dir);
        var psi = new ProcessStartInfo("/usr/bin/time") { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-f", "TIME %e %M", "dotnet", opts.EjvDll }.Concat(command)) psi.ArgumentList.Add(a);
        foreach (var a in new[]
        {
            $"--Ejv:Source:Provider={provider}", $"--Ejv:Source:ConnectionString={cs}", "--Ejv:Source:CommandTimeout=01:00:00",
            $"--Ejv:State:ConnectionString=Data Source={Path.Combine(dir, "state.db")}", $"--Ejv:Output:Folder={Path.Combine(dir, "out")}",
            $"--Ejv:Mail:PickupFolder={Path.Combine(dir, "mail")}",
        }) psi.ArgumentList.Add(a);
        if (settings is not null) { psi.ArgumentList.Add("--settings"); psi.ArgumentList.Add(settings); }
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        await stdout;
        var line = stderr.Split('\n').Last(l => l.StartsWith("TIME ", StringComparison.Ordinal)).Split(' ');
        if (p.ExitCode != 0) throw new InvalidOperationException($"ejv {string.Join(' ', command)} failed: {stderr}");
        var runMs = System.Text.RegularExpressions.Regex.Matches(stderr, @"Run succeeded: .*, (\d+) ms").Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return (double.Parse(line[1], CultureInfo.InvariantCulture), double.Parse(line[2], CultureInfo.InvariantCulture) / 1024, runMs / 1000.0);
    }
}

/// <summary>A regional operator: one case system of 1,000,000 beslut shared by many nämnder, each with its own filter.</summary>
public static class Regional
{
    public static async Task RunAsync(Args opts, Kvartal quarter)
    {
        var dialect = SqlDialect.For(DbProvider.Sqlite);
        var file = Path.Combine(opts.Work, "regional.db");
        var cs = $"Data Source={file};Pooling=False";
        if (!opts.Reuse || !File.Exists(file))
        {
            foreach (var f in Directory.GetFiles(opts.Work, "regional.db*")) File.Delete(f);
            await BenchDatabase.FillAsync(dialect, cs, quarter, 1_000_000, opts.Namnder);
        }
        var namnder = Enumerable.Range(0, opts.Namnder).Select(i => new
        {
            Id = $"n{i:D3}", Namn = $"Nämnd {i}", NamndFilter = $"n{i:D3}",
            Recipients = new { Handlaggare = new[] { $"h{i}@example.org" }, Namnd = new[] { $"n{i}@example.org" }, Fullmaktige = new[] { "kf@example.org" }, Revisorer = new[] { "rev@example.org" } },
        });
        var settings = Path.Combine(opts.Work, "regional.json");
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new { Ejv = new { Namnder = namnder } }));
        var run = await Ejv.TimedAsync(opts, "sqlite", cs, "regional", ["run", "--quarter", quarter.ToString()], settings: settings);
        var status = await Ejv.TimedAsync(opts, "sqlite", cs, "regional", ["status", "--json"], freshState: false, settings: settings);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Regional operator: {opts.Namnder} nämnder over one SQLite case system of 1,000,000 beslut: process wall {run.Wall:F1} s (runs {run.Run:F1} s in all), peak RSS {run.RssMb:F0} MB; status --json {status.Wall:F2} s"));
    }
}
