using System.Text.Json;
using EjVerkstallda.Infrastructure.Tests.Mail;
using EjVerkstallda.Worker.Tests.Support;

namespace EjVerkstallda.Worker.Tests.Delivery;

/// <summary>
/// One installation for the delivery tests: a contract case system, a SQLite state store, and the real SMTP relay of the
/// mail tests (STARTTLS with a pinned self-signed certificate, AUTH). The password reaches <c>ejv</c> only through the
/// environment variable, as the README tells administrators to do. Retry delays are shortened so a test stays fast.
/// </summary>
internal sealed class DeliveryWorld : IDisposable
{
    public const string Namnd = "socialnamnden";
    public const string Handlaggare = "avgiftshandlaggare@exempelkommun.example";
    public const string Administrator = "it-drift@exempelkommun.example";
    /// <summary>
    /// The clock of an approval made before the nämnd's meeting of 2024-04-24 that the tests record (a decision cannot be
    /// dated before the day its version was approved): 2024-04-10.
    /// </summary>
    public const string ApprovedBeforeTheMeeting = "--Ejv:Testing:ClockStart=2024-04-10T08:00:00Z";
    public const string PlantedSkal = "Anna Fiktiv Testsson, Påhittegatan 12, 999 99 Ingenstad";

    /// <param name="idp">Given: the relay takes only XOAUTH2 with this identity provider's tokens, and <c>ejv</c> gets them
    /// by client credentials (its secret only in the environment, the provider's certificate trusted through SSL_CERT_FILE).</param>
    public DeliveryWorld(string password = SmtpTestServer.Password, IdpTestServer? idp = null)
    {
        Dir = EjvProcess.TempFolder();
        Password = password;
        Idp = idp;
        TestStateStore.InitSqlite(Path.Combine(Dir, "state.db"));
        Cases = new ContractCaseSystem(Path.Combine(Dir, "case.db"));
        Cases
            // D 2024-02-29; verkställd after E: ny in 2024Q1.
            .Add("B-1001", "P-1", "SABO", "2023-11-30", fodd: "1940-01-01", kon: "M", skal: PlantedSkal)
            // Late, declined an offer: ny, late. Planted free text with a name and an address.
            .Add("B-1002", "P-2", "EKB", "2023-09-15", erbjudande: "2023-11-01", tackatNej: 1, fodd: "1961-07-04", kon: "K", skal: PlantedSkal)
            // An LSS case.
            .Add("B-1003", "P-3", "L4", "2023-10-15", fodd: "1975-03-02", kon: "M", enhet: "Enhet Norr");
        Smtp = SmtpTestServer.Start(idp: idp);
    }

    public IdpTestServer? Idp { get; }

    public string Dir { get; }
    public string Password { get; }
    public ContractCaseSystem Cases { get; }
    public SmtpTestServer Smtp { get; }

    public string[] Config(params string[] extra) =>
    [
        "--Ejv:Source:Provider=sqlite", $"--Ejv:Source:ConnectionString={Cases.ConnectionString}",
        "--Ejv:State:Provider=sqlite", $"--Ejv:State:ConnectionString=Data Source={Path.Combine(Dir, "state.db")}",
        $"--Ejv:Output:Folder={Path.Combine(Dir, "out")}",
        "--Ejv:Mail:Delivery=smtp", "--Ejv:Mail:Smtp:Host=127.0.0.1", $"--Ejv:Mail:Smtp:Port={Smtp.Port}",
        .. Auth(), $"--Ejv:Mail:Smtp:TrustedCertificateThumbprint={Smtp.Thumbprint}",
        "--Ejv:Mail:Smtp:Timeout=00:00:20",
        "--Ejv:Mail:Retry:Attempts=3", "--Ejv:Mail:Retry:BaseDelay=00:00:00.200", "--Ejv:Mail:Retry:RetryLater=00:00:00.500",
        "--Ejv:Mail:Retry:MaxRetryLater=00:00:01",
        .. extra,
    ];

    private string[] Auth() => Idp is null
        ? [$"--Ejv:Mail:Smtp:UserName={SmtpTestServer.UserName}"]
        :
        [
            "--Ejv:Mail:Smtp:Auth=OAuth2", $"--Ejv:Mail:Smtp:UserName={IdpTestServer.Mailbox}",
            $"--Ejv:Mail:Smtp:OAuth2:Authority={Idp.Issuer}", $"--Ejv:Mail:Smtp:OAuth2:ClientId={IdpTestServer.ClientId}",
        ];

    public Dictionary<string, string> Env => Idp is null
        ? new() { ["Ejv__Mail__Smtp__Password"] = Password }
        : new() { ["Ejv__Mail__Smtp__OAuth2__ClientSecret"] = IdpTestServer.ClientSecret, ["SSL_CERT_FILE"] = Idp.CertFile };

    public async Task<EjvResult> Ejv(params string[] args) => await EjvProcess.RunAsync(Dir, Env, [.. args, .. Config()]);

    public async Task<EjvResult> EjvWith(string[] args, params string[] extraConfig) => await EjvProcess.RunAsync(Dir, Env, [.. args, .. Config(extraConfig)]);

    /// <summary>What the relay accepted, oldest first, parsed from the wire format.</summary>
    public IReadOnlyList<MimeEntity> Received() => Smtp.ReadMessages().Select(MimeEntity.Parse).ToList();

    public IReadOnlyList<MimeEntity> ReceivedBy(string address) =>
        Received().Where(m => (m.Header("To") ?? "").Contains(address, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary><c>ejv status --json</c>, the nämnd's outbox rows that are not sent.</summary>
    public async Task<IReadOnlyList<JsonElement>> MailNotSent()
    {
        var r = await Ejv("status", "--json");
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        var root = JsonDocument.Parse(r.Stdout).RootElement;
        return root.GetProperty("namnder")[0].GetProperty("mailNotSent").EnumerateArray().ToList();
    }

    /// <summary>Runs <c>ejv mail send</c> until the relay holds <paramref name="count"/> messages (bounded), then returns the last result.</summary>
    public async Task<EjvResult> SendUntilReceived(int count, int maxTries = 20)
    {
        EjvResult last = default!;
        for (var i = 0; i < maxTries && Smtp.ReadMessages().Count < count; i++)
        {
            last = await Ejv("mail", "send");
            if (Smtp.ReadMessages().Count < count) await Task.Delay(300);
        }
        return last;
    }

    public static string Body(MimeEntity m) =>
        m.Parts.Count == 0 ? m.DecodedText() : Body(m.Parts.First(p => p.FileName is null));

    public static IReadOnlyList<MimeEntity> Attachments(MimeEntity m) =>
        m.Parts.Where(p => p.FileName is not null).Concat(m.Parts.SelectMany(p => Attachments(p))).ToList();

    public void Dispose()
    {
        Smtp.Dispose();
        Directory.Delete(Dir, recursive: true);
    }
}
