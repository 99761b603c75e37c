using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EjVerkstallda.Infrastructure.Data;
using Npgsql;

namespace EjVerkstallda.Bench.Web;

/// <summary>
/// <c>--web</c>: the pages' response times with a quarter of 2 000 IVO reports. Fills the case system (SQLite), and per
/// state store provider: <c>ejv init</c>, <c>ejv run</c>, marks <see cref="Entered"/> reports entered with
/// <c>ejv ivo submitted</c>, starts the ejv service (the real process, pages on loopback) and the test identity provider,
/// signs in through OpenID Connect and times each page.
/// </summary>
public static class WebBench
{
    public const string Namnd = "socialnamnden";
    public const int Entered = 500;
    private const string User = "bench";
    private const string Password = "bench-password";
    private const string ClientSecret = "bench-client-secret";

    public static async Task RunAsync(Args opts, int warmup, int samples)
    {
        var root = Path.Combine(opts.Work, "web");
        Directory.CreateDirectory(root);
        var caseDb = Path.Combine(root, "case.db");
        if (!opts.Reuse || !File.Exists(caseDb))
        {
            foreach (var f in Directory.GetFiles(root, "case.db*")) File.Delete(f);
            await BenchDatabase.FillAsync(SqlDialect.For(DbProvider.Sqlite), $"Data Source={caseDb};Pooling=False", WebQuarter.Persons(), WebQuarter.Beslut());
        }
        Console.WriteLine($"Web pages, one nämnd, {WebQuarter.Quarter}: {WebQuarter.Reports:N0} IVO reports, {Entered} marked entered; {warmup} warm-up + {samples} timed requests per page, one at a time");
        Console.WriteLine();
        Console.WriteLine("| state store | page | median (ms) | p95 (ms) | max (ms) | min (ms) | service CPU per request (ms) | response (kB) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var provider in opts.Providers)
        {
            var dir = Path.Combine(root, provider);
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
            Directory.CreateDirectory(dir);
            var state = provider == "sqlite" ? $"Data Source={Path.Combine(dir, "state.db")}" : await FreshPgAsync(opts.Pg);
            var ejv = new EjvCli(opts.EjvDll, dir, Common(caseDb, provider, state, dir));
            await ejv.RunAsync("init");
            var run = Stopwatch.StartNew();
            await ejv.RunAsync("run", "--quarter", WebQuarter.Quarter);
            run.Stop();
            var ids = ReportIds(dir);
            if (ids.Count != WebQuarter.Reports) throw new InvalidOperationException($"the quarter has {ids.Count} reports, not {WebQuarter.Reports}");
            await ejv.RunAsync(["ivo", "submitted", "--quarter", WebQuarter.Quarter, "--by", "Bench", .. ids.Take(Entered).SelectMany(i => new[] { "--beslut", i })]);
            var rows = await MeasureAsync(opts, ejv, dir, warmup, samples);
            foreach (var r in rows) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {provider} | {r}"));
            Console.Error.WriteLine($"({provider}: ejv run {run.Elapsed.TotalSeconds:F1} s incl. process start; service peak RSS {rows[0].PeakRssMb:F0} MB)");
        }
    }

    private static async Task<List<PageTiming>> MeasureAsync(Args opts, EjvCli ejv, string dir, int warmup, int samples)
    {
        var port = FreePort();
        var site = new Uri($"http://127.0.0.1:{port}/");
        var idpScript = Path.GetFullPath("tests/idp/oidc.mjs");
        using var idp = Child.Start("node", [idpScript, "--port", "0", "--client", $"ejv-web:{ClientSecret}:{site}signin-oidc", "--password", Password,
            "--user", $"{User}:Bench Användare:grp-handl,grp-admin"], dir, Path.Combine(dir, "idp.log"), keepStdout: true);
        var ready = await idp.FirstLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready is null || !ready.StartsWith("ready ", StringComparison.Ordinal)) throw new InvalidOperationException($"the identity provider did not start: {ready}");
        using var service = ejv.Start(Path.Combine(dir, "service.log"), new Dictionary<string, string> { ["Ejv__Web__Oidc__ClientSecret"] = ClientSecret },
            $"--Ejv:Web:Url={site}", $"--Ejv:Schedule:HealthUrl=http://127.0.0.1:{FreePort()}/", $"--Ejv:Web:Oidc:Authority={ready["ready ".Length..].Trim()}",
            "--Ejv:Web:Oidc:ClientId=ejv-web", "--Ejv:Web:Oidc:RequireHttpsMetadata=false");
        await WaitForAsync(new Uri(site, "health"));
        var q = $"namnd/{Namnd}/kvartal/{WebQuarter.Quarter}";
        var pages = new (string Name, string Path)[]
        {
            ("IVO checklist", $"{q}/ivo"), ("quarter page", q), ("administrator", $"namnd/{Namnd}/administration"), ("/health", "health"),
        };
        using var http = new SignedInClient();
        await http.SignInAsync(new Uri(site, pages[0].Path), User, Password);
        var result = new List<PageTiming>();
        foreach (var (name, path) in pages)
        {
            var url = new Uri(site, path);
            for (var i = 0; i < warmup; i++) await TimeAsync(http, url);
            using (var kept = await http.GetAsync(url)) // kept for a look: what the page answers, and how big it is
                await File.WriteAllBytesAsync(Path.Combine(dir, path.Replace('/', '_') + ".html"), await kept.Content.ReadAsByteArrayAsync());
            var times = new List<double>();
            long bytes = 0;
            var cpu = service.CpuMs();
            for (var i = 0; i < samples; i++)
            {
                var t = await TimeAsync(http, url);
                times.Add(t.Ms);
                bytes = t.Bytes;
            }
            result.Add(new PageTiming(name, times, bytes, (service.CpuMs() - cpu) / samples, service.PeakRssMb()));
        }
        return result;
    }

    /// <summary>Milliseconds from sending the request to the last byte of the body (loopback: the server's time plus a little).</summary>
    private static async Task<(double Ms, long Bytes)> TimeAsync(SignedInClient http, Uri url)
    {
        var sw = Stopwatch.StartNew();
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        sw.Stop();
        if (response.StatusCode != System.Net.HttpStatusCode.OK && url.AbsolutePath != "/health")
            throw new InvalidOperationException($"{url.AbsolutePath}: {(int)response.StatusCode}");
        return (sw.Elapsed.TotalMilliseconds, body.LongLength);
    }

    private static async Task WaitForAsync(Uri health)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var r = await http.GetAsync(health);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }
        throw new TimeoutException($"the ejv service did not answer on {health}");
    }

    private static string[] Common(string caseDb, string provider, string state, string dir) =>
    [
        "--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString=Data Source={caseDb};Mode=ReadOnly",
        $"--Ejv:State:Provider={provider}", $"--Ejv:State:ConnectionString={state}",
        $"--Ejv:Output:Folder={Path.Combine(dir, "out")}", $"--Ejv:Mail:PickupFolder={Path.Combine(dir, "mail")}",
        // A fixed day inside 2026Q3's IVO window, so the figures do not depend on the day the benchmark runs.
        "--Ejv:Testing:ClockStart=2026-10-20T06:00:00Z",
        $"--Ejv:Namnder:0:Roller:Handlaggare:0=grp-handl", "--Ejv:Namnder:0:Roller:Namndsekreterare:0=grp-sekr",
        "--Ejv:Namnder:0:Roller:Administrator:0=grp-admin", "--Ejv:Namnder:0:Roller:Revisor:0=grp-rev",
    ];

    private static List<string> ReportIds(string dir)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", Namnd, WebQuarter.Quarter, "ivo-underlag.json")));
        return doc.RootElement.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("beslutId").GetString()!).Distinct().ToList();
    }

    private static async Task<string> FreshPgAsync(string admin)
    {
        if (admin.Length == 0) throw new InvalidOperationException("the postgresql state store needs --pg or EJV_TEST_PG");
        await using var c = new NpgsqlConnection(admin);
        await c.OpenAsync();
        await using (var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS ejv_webbench_state WITH (FORCE)", c)) await drop.ExecuteNonQueryAsync();
        await using (var create = new NpgsqlCommand("CREATE DATABASE ejv_webbench_state", c)) await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(admin) { Database = "ejv_webbench_state", Pooling = true }.ToString();
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }
}
