using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace EjVerkstallda.Worker.Tests.Support;

/// <summary>
/// A folder of its own for one service test: a case system built from the contract, a SQLite state store (or another one
/// given on the command line), an output folder, a mail pickup folder and free loopback ports for the health endpoint and the pages.
/// Every service started through it is killed when it is disposed.
/// </summary>
public sealed class ServiceSandbox : IDisposable
{
    public const string Namnd = "socialnamnden";
    public const string QuarterlyCheck = "Quarterly check:";
    private readonly List<ServiceProcess> _started = [];

    public ServiceSandbox(string? caseDb = null, string? pickupFolder = null)
    {
        Dir = EjvProcess.TempFolder();
        CaseDb = caseDb ?? CreateCases(Path.Combine(Dir, "case.db"));
        PickupFolder = pickupFolder ?? Path.Combine(Dir, "mail");
        State = [$"--Ejv:State:Provider=sqlite", $"--Ejv:State:ConnectionString=Data Source={Path.Combine(Dir, "state.db")}"];
        TestStateStore.InitSqlite(Path.Combine(Dir, "state.db"));
    }

    public string Dir { get; }
    public string CaseDb { get; }
    public string PickupFolder { get; }
    public string OutFolder => Path.Combine(Dir, "out");

    /// <summary>The state store's keys; SQLite in the folder (created as by <c>ejv init</c>) unless a test sets another (and creates it).</summary>
    public string[] State { get; set; }

    /// <summary>
    /// Beslut in 2026 whose statuses change from quarter to quarter: B-1 ny in 2026Q2, then kvarstår; B-2 ny in 2026Q3 and
    /// verkställd in 2026Q4; B-3 avslutad in 2026Q4; B-4 ny in 2027Q1.
    /// </summary>
    public static string CreateCases(string path)
    {
        new ContractCaseSystem(path)
            .Add("B-1", "P-1", "SABO", "2026-01-15", fodd: "1940-01-01", kon: "M")
            .Add("B-2", "P-2", "L9", "2026-05-10", verk: "2026-11-20", fodd: "1961-07-04", kon: "K")
            .Add("B-3", "P-3", "EKB", "2026-08-01", avslut: "2026-12-01", orsak: "avliden", fodd: "1955-03-03", kon: "K")
            .Add("B-4", "P-4", "L4", "2026-10-01", fodd: "1980-05-05", kon: "M");
        return path;
    }

    public static string ConnectionStringOf(string caseDb) => $"Data Source={caseDb};Mode=ReadOnly;Pooling=False";

    /// <summary>The configuration of every command and service in this sandbox; a service gets its own health port.</summary>
    public string[] Config(params string[] extra) =>
    [
        "--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString={ConnectionStringOf(CaseDb)}",
        .. State,
        $"--Ejv:Output:Folder={OutFolder}",
        "--Ejv:Mail:Delivery=pickup", $"--Ejv:Mail:PickupFolder={PickupFolder}",
        "--Ejv:Schedule:QuarterlyCron=0/2 * * * * ?",
        .. extra,
    ];

    public ServiceProcess Start(params string[] extra) => Start(null, extra);

    /// <summary>A service with extra environment variables (for example a systemd notification socket).</summary>
    public ServiceProcess Start(IDictionary<string, string>? env, params string[] extra)
    {
        var p = ServiceProcess.Start(Dir, Config([$"--Ejv:Schedule:HealthUrl={HealthUrl(FreePort())}", $"--Ejv:Web:Url={HealthUrl(FreePort())}", .. extra]), env);
        _started.Add(p);
        return p;
    }

    public async Task<EjvResult> RunAsync(params string[] args) => await EjvProcess.RunAsync(Dir, [.. args, .. Config()]);

    /// <summary><c>ejv status --json</c>, the first nämnd.</summary>
    public async Task<NamndState> StatusAsync()
    {
        var r = await EjvProcess.RunAsync(Dir, ["status", "--json", .. Config()]);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        return NamndState.Of(doc.RootElement.GetProperty("namnder")[0]);
    }

    /// <summary>Polls the status until every quarter named is completed, or the time is up (then the last status is returned).</summary>
    public async Task<NamndState> WaitForCompletedAsync(TimeSpan timeout, params string[] quarters)
    {
        var until = DateTime.UtcNow + timeout;
        var status = await StatusAsync();
        while (!quarters.All(status.CompletedQuarters.Contains) && DateTime.UtcNow < until)
        {
            await Task.Delay(1000);
            status = await StatusAsync();
        }
        return status;
    }

    /// <summary>Draft e-mails to the handläggare written to the pickup folder for one quarter.</summary>
    public IReadOnlyList<string> Drafts(string quarter) => Directory.Exists(PickupFolder)
        ? Directory.GetFiles(PickupFolder, $"draft.{Namnd}.{quarter}.*.eml").ToList()
        : [];

    public IReadOnlyList<string> AllDrafts() => Directory.Exists(PickupFolder) ? Directory.GetFiles(PickupFolder, "draft.*.eml").ToList() : [];

    public Underlag Underlag(string quarter) => Support.Underlag.Read(OutFolder, Namnd, quarter);

    public static string HealthUrl(int port) => $"http://127.0.0.1:{port}/";

    /// <summary>A loopback port nobody listens on now (the OS hands out a fresh one each time).</summary>
    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public void Dispose()
    {
        foreach (var p in _started) p.Dispose();
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // a killed process may still be releasing a file; the temp folder is cleaned by the OS later
        }
    }
}

/// <summary>One nämnd in <c>ejv status --json</c>: the completed quarters and the runs (newest first).</summary>
public sealed record NamndState(IReadOnlyList<string> CompletedQuarters, IReadOnlyList<(string Quarter, string Outcome)> Runs)
{
    public static NamndState Of(JsonElement namnd) => new(
        namnd.GetProperty("completedQuarters").EnumerateArray().Select(q => q.GetString()!).ToList(),
        namnd.GetProperty("lastRuns").EnumerateArray().Select(r => (r.GetProperty("quarter").GetString()!, r.GetProperty("outcome").GetString()!)).ToList());

    public int Succeeded(string quarter) => Runs.Count(r => r.Quarter == quarter && r.Outcome == "succeeded");

    public IReadOnlyList<string> SucceededQuarters => Runs.Where(r => r.Outcome == "succeeded").Select(r => r.Quarter).Order(StringComparer.Ordinal).ToList();

    public override string ToString() => $"completed [{string.Join(", ", CompletedQuarters)}], runs [{string.Join(", ", Runs.Select(r => $"{r.Quarter} {r.Outcome}"))}]";
}
