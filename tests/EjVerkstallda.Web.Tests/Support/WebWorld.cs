using EjVerkstallda.Infrastructure.Tests.Mail;
using EjVerkstallda.Worker.Tests.Support;

namespace EjVerkstallda.Web.Tests.Support;

/// <summary>
/// One kommun for the browser tests, all real: a case system with two nämnder, a SQLite state store, the SMTP relay
/// (tests/smtp), the OpenID Connect provider (tests/idp) with one user per role, and the <c>ejv</c> service process serving
/// the pages on a free loopback port. The service's clock is 2027-01-10: 2026Q4 is run on start and its draft delivered.
/// </summary>
internal sealed class WebWorld : IDisposable
{
    public const string Soc = "socialnamnden";
    public const string Oms = "omsorgsnamnden";
    public const string Quarter = "2026Q4";
    public const string Registrator = "registrator.soc@kommun.example";
    public const string Fullmaktige = "registrator.kf@kommun.example";
    public const string Revisorer = "revisorerna@kommun.example";
    public const string Handlaggare = "handlaggare.soc@kommun.example";

    /// <summary>Users as "id:Name:groups": one per role in socialnämnden, a handläggare, a nämndsekreterare and a revisor of omsorgsnämnden only.</summary>
    public static readonly string[] Users =
    [
        "anna:Anna Handläggare:grp-soc-handl,grp-unrelated",
        "sara:Sara Sekreterare:grp-soc-sekr",
        "adam:Adam Administratör:grp-soc-admin",
        "rut:Rut Revisor:grp-soc-rev",
        "olle:Olle Omsorg:grp-oms-handl",
        "sven:Sven Sekreterare:grp-oms-sekr",
        "rolf:Rolf Revisor:grp-oms-rev",
    ];

    public WebWorld()
    {
        Dir = EjvProcess.TempFolder();
        TestStateStore.InitSqlite(Path.Combine(Dir, "state.db"));
        Cases = CreateCases(Path.Combine(Dir, "case.db"));
        Smtp = SmtpTestServer.Start();
        WebPort = FreePort();
        Idp = OidcTestProvider.Start(Dir, $"{BaseUrl}/signin-oidc", Users);
        Service = ServiceProcess.Start(Dir, Config(), Env);
    }

    public string Dir { get; }
    public ContractCaseSystem Cases { get; }
    public SmtpTestServer Smtp { get; }
    public OidcTestProvider Idp { get; }
    public ServiceProcess Service { get; }
    public int WebPort { get; }
    public string BaseUrl => $"http://127.0.0.1:{WebPort}";

    public string QuarterPage => $"{BaseUrl}/namnd/{Soc}/kvartal/{Quarter}";
    public string Checklist => $"{QuarterPage}/ivo";

    public Dictionary<string, string> Env => new()
    {
        ["Ejv__Mail__Smtp__Password"] = SmtpTestServer.Password,
        ["Ejv__Web__Oidc__ClientSecret"] = OidcTestProvider.ClientSecret,
    };

    /// <summary>Waits until the service has run the quarter, delivered the draft and serves the pages.</summary>
    public async Task ReadyAsync()
    {
        Assert.That(await Service.WaitForAsync("Web pages listening on", TimeSpan.FromSeconds(60)), Is.True, Service.ToString());
        Assert.That(await Service.WaitForAsync("Outbox: ", TimeSpan.FromSeconds(60)), Is.True, "the drafts are delivered\n" + Service);
    }

    public string[] Config(params string[] extra) =>
    [
        "--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString={Cases.ConnectionString}",
        "--Ejv:State:Provider=sqlite", $"--Ejv:State:ConnectionString=Data Source={Path.Combine(Dir, "state.db")}",
        $"--Ejv:Output:Folder={Path.Combine(Dir, "out")}",
        "--Ejv:Mail:Delivery=smtp", "--Ejv:Mail:Smtp:Host=127.0.0.1", $"--Ejv:Mail:Smtp:Port={Smtp.Port}",
        $"--Ejv:Mail:Smtp:UserName={SmtpTestServer.UserName}", $"--Ejv:Mail:Smtp:TrustedCertificateThumbprint={Smtp.Thumbprint}",
        "--Ejv:Mail:Retry:BaseDelay=00:00:00.200", "--Ejv:Mail:Retry:RetryLater=00:00:00.500", "--Ejv:Mail:Retry:MaxRetryLater=00:00:01",
        "--Ejv:Testing:ClockStart=2027-01-10T06:00:00Z",
        "--Ejv:Schedule:OutboxInterval=00:00:01",
        $"--Ejv:Schedule:HealthUrl=http://127.0.0.1:{FreePort()}/",
        $"--Ejv:Web:Url={BaseUrl}/",
        $"--Ejv:Web:Oidc:Authority={Idp.Issuer}", $"--Ejv:Web:Oidc:ClientId={OidcTestProvider.ClientId}",
        "--Ejv:Web:Oidc:RequireHttpsMetadata=false",
        .. Namnd(0, Soc, "Socialnämnden", "soc", "grp-soc"),
        .. Namnd(1, Oms, "Omsorgsnämnden", "oms", "grp-oms"),
        .. extra,
    ];

    private static string[] Namnd(int i, string id, string namn, string filter, string groups) =>
    [
        $"--Ejv:Namnder:{i}:Id={id}", $"--Ejv:Namnder:{i}:Namn={namn}", $"--Ejv:Namnder:{i}:NamndFilter={filter}",
        $"--Ejv:Namnder:{i}:Recipients:Handlaggare:0={(i == 0 ? Handlaggare : "handlaggare.oms@kommun.example")}",
        $"--Ejv:Namnder:{i}:Recipients:Namnd:0={(i == 0 ? Registrator : "registrator.oms@kommun.example")}",
        $"--Ejv:Namnder:{i}:Recipients:Fullmaktige:0={Fullmaktige}",
        $"--Ejv:Namnder:{i}:Recipients:Revisorer:0={Revisorer}",
        $"--Ejv:Namnder:{i}:Roller:Handlaggare:0={groups}-handl",
        $"--Ejv:Namnder:{i}:Roller:Namndsekreterare:0={groups}-sekr",
        $"--Ejv:Namnder:{i}:Roller:Administrator:0={groups}-admin",
        $"--Ejv:Namnder:{i}:Roller:Revisor:0={groups}-rev",
    ];

    /// <summary>
    /// Socialnämnden's 2026Q4: seven reports (three late ny, two ny, one verkställd, one avslutad; one of them with skyddad
    /// identitet for manual handling). Omsorgsnämnden: three reports of its own, two of them old enough for the särskild avgift
    /// risk list (O-2 past two years at E, O-3 near it); socialnämnden has none that old.
    /// </summary>
    private static ContractCaseSystem CreateCases(string path)
    {
        var c = new ContractCaseSystem(path)
            .Add("S-1", "P-1", "SABO", "2026-01-15", fodd: "1940-01-01", kon: "M", skal: "Ingen ledig plats")
            .Add("S-2", "P-2", "L9", "2026-05-10", verk: "2026-11-20", fodd: "1961-07-04", kon: "K")
            .Add("S-3", "P-3", "EKB", "2026-08-01", avslut: "2026-12-01", orsak: "avliden", fodd: "1955-03-03", kon: "K")
            .Add("S-4", "P-4", "SABO", "2026-06-01", erbjudande: "2026-09-15", tackatNej: 1, fodd: "1938-02-02", kon: "K")
            .Add("S-5", "P-5", "L4", "2026-07-15", fodd: "1990-05-05", kon: "M")
            .Add("S-6", "P-6", "SABO", "2026-08-20", fodd: "1944-04-04", kon: "M")
            .Add("S-7", "P-7", "L4", "2026-09-01", fodd: "1985-08-08", kon: "K", skyddad: 1)
            .Add("O-1", "P-8", "SABO", "2026-03-01", fodd: "1939-09-09", kon: "K")
            .Add("O-2", "P-9", "L9", "2024-12-01", fodd: "1970-10-10", kon: "M")
            .Add("O-3", "P-10", "SABO", "2025-02-10", fodd: "1936-06-06", kon: "K");
        c.Execute("ALTER TABLE ejv_beslut ADD COLUMN namnd_id TEXT; UPDATE ejv_beslut SET namnd_id = CASE WHEN beslut_id LIKE 'O-%' THEN 'oms' ELSE 'soc' END;");
        return c;
    }

    /// <summary>What the relay accepted for an address.</summary>
    public IReadOnlyList<MimeEntity> ReceivedBy(string address) => Smtp.ReadMessages().Select(MimeEntity.Parse)
        .Where(m => (m.Header("To") ?? "").Contains(address, StringComparison.OrdinalIgnoreCase)).ToList();

    public static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public void Dispose()
    {
        Service.Dispose();
        Idp.Dispose();
        Smtp.Dispose();
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // a killed process may still hold a file; the OS cleans the temp folder
        }
    }
}
