using System.Diagnostics;
using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using EjVerkstallda.Infrastructure.Mail;
using Microsoft.Identity.Client;

namespace EjVerkstallda.Infrastructure.Tests.Mail;

/// <summary>
/// A real identity provider for the XOAUTH2 tests: tests/idp/idp.mjs (npm oauth2-mock-server) over HTTPS on a free
/// loopback port, with its own self-signed certificate. It issues client-credentials JWTs to <see cref="ClientId"/>
/// with <see cref="ClientSecret"/> (and already-expired ones to <see cref="ExpiredClientId"/>), refuses any other secret
/// with 401 invalid_client, and logs one line per token request (<see cref="Issued"/>, <see cref="Refused"/>).
/// </summary>
internal sealed class IdpTestServer : IDisposable
{
    public const string ClientId = "ejv-test-app";
    public const string ClientSecret = "Idp-S3cret-9931-never-in-logs";
    public const string ExpiredClientId = "ejv-test-expired-tokens";
    public const string ShortLivedClientId = "ejv-test-two-minute-tokens";
    public const string CertificateClientId = "ejv-test-certificate-app";
    public const string PfxPassword = "Pfx-Pw-3141";
    public const string Audience = "https://outlook.office365.com";
    public const string Mailbox = "ejverkstallda@kommun.example";
    private const string Node = "/usr/bin/node";
    private readonly string root;
    private readonly StringBuilder stderr = new();
    private readonly Process process;

    private IdpTestServer()
    {
        root = Directory.CreateTempSubdirectory("ejv-idp-").FullName;
        SmtpTestServer.Run("openssl", $"req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout {KeyFile} -out {CertFile}");
        using var certificate = X509CertificateLoader.LoadCertificateFromFile(CertFile);
        Thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        ClientPfx = CreateClientCertificate("client");
        OtherPfx = CreateClientCertificate("other");
        var info = new ProcessStartInfo(Node) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { Script, "--port", "0", "--key", KeyFile, "--cert", CertFile, "--audience", Audience,
                     "--client", $"{ClientId}:{ClientSecret}", "--client", $"{ExpiredClientId}:{ClientSecret}:expired",
                     "--client", $"{ShortLivedClientId}:{ClientSecret}:short",
                     "--client-cert", $"{CertificateClientId}={Path.Combine(root, "client.pem")}", "--log", TokenLog })
            info.ArgumentList.Add(arg);
        process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + Node);
        process.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        Issuer = WaitForReady();
    }

    /// <summary>The issuer URL, e.g. https://127.0.0.1:40973 (also the authority for MSAL).</summary>
    public string Issuer { get; }

    /// <summary>The provider's TLS certificate (PEM), for the SMTP server's JWKS download.</summary>
    public string CertFile => Path.Combine(root, "cert.pem");

    /// <summary>SHA-256 thumbprint of <see cref="CertFile"/>.</summary>
    public string Thumbprint { get; }

    /// <summary>The certificate app's .pfx (password <see cref="PfxPassword"/>), registered with the provider.</summary>
    public string ClientPfx { get; }

    /// <summary>A .pfx of another certificate, not registered: a client assertion signed with it is refused.</summary>
    public string OtherPfx { get; }

    private string KeyFile => Path.Combine(root, "key.pem");

    private string TokenLog => Path.Combine(root, "tokens.log");

    private static string Script => SmtpTestServer.RepoFile("tests", "idp", "idp.mjs");

    /// <summary>Token requests answered with a token, per client id.</summary>
    public int Issued(string clientId = ClientId) => LogLines().Count(l => l == "issued " + clientId);

    /// <summary>Token requests refused (wrong secret, unknown client), per client id.</summary>
    public int Refused(string clientId = ClientId) => LogLines().Count(l => l == "refused " + clientId);

    /// <summary>Starts the provider, or fails (CI=true) or ignores the test when node, its packages or python3-jwt are missing.</summary>
    public static IdpTestServer Start()
    {
        RequirePrerequisites();
        return new IdpTestServer();
    }

    /// <summary>OAuth2 options for this provider as a generic OIDC authority.</summary>
    public SmtpOAuth2Options Options(string clientId = ClientId, string secret = ClientSecret) => new()
    {
        Authority = Issuer,
        ClientId = clientId,
        ClientSecret = secret,
    };

    /// <summary>A token source that trusts this provider's self-signed certificate (and nothing else unvalidated).</summary>
    public MsalAccessTokenSource TokenSource(SmtpOAuth2Options options) => new(options, new PinnedHttpClientFactory(Thumbprint));

    public void Dispose()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
        process.Dispose();
        Directory.Delete(root, recursive: true);
    }

    private string CreateClientCertificate(string name)
    {
        string key = Path.Combine(root, name + ".key"), pem = Path.Combine(root, name + ".pem"), pfx = Path.Combine(root, name + ".pfx");
        SmtpTestServer.Run("openssl", $"req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=ejv-{name} -keyout {key} -out {pem}");
        SmtpTestServer.Run("openssl", $"pkcs12 -export -out {pfx} -inkey {key} -in {pem} -passout pass:{PfxPassword}");
        return pfx;
    }

    private string[] LogLines() => File.Exists(TokenLog) ? File.ReadAllLines(TokenLog) : [];

    private string WaitForReady()
    {
        Task<string?> line = process.StandardOutput.ReadLineAsync();
        if (line.Wait(TimeSpan.FromSeconds(30)) && line.Result is { } ready && ready.StartsWith("ready ", StringComparison.Ordinal))
            return ready["ready ".Length..].Trim();
        string errors;
        lock (stderr) errors = stderr.ToString();
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        Assert.Fail($"Test identity provider did not become ready: {errors}");
        return "";
    }

    private static void RequirePrerequisites()
    {
        string? missing = !File.Exists(Node) ? Node + " is missing (apt-get install nodejs npm)"
            : !Directory.Exists(Path.Combine(Path.GetDirectoryName(Script)!, "node_modules", "oauth2-mock-server")) ? "tests/idp/node_modules is missing (npm ci in tests/idp)"
            : SmtpTestServer.Run("/usr/bin/python3", "-c \"import jwt, cryptography\"", throwOnError: false) != 0 ? "python3-jwt or python3-cryptography is not installed"
            : null;
        if (missing is null)
            return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"XOAUTH2 tests need the test identity provider: {missing}.");
        Assert.Ignore($"XOAUTH2 tests need the test identity provider: {missing}; run tests/run-tests.sh to install it.");
    }

    /// <summary>MSAL's HTTP client, trusting exactly the provider's certificate (a test provider has no public CA).</summary>
    private sealed class PinnedHttpClientFactory(string thumbprint) : IMsalHttpClientFactory
    {
        private readonly HttpClient client = new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || string.Equals(certificate?.GetCertHashString(HashAlgorithmName.SHA256), thumbprint, StringComparison.OrdinalIgnoreCase),
        });

        public HttpClient GetHttpClient() => client;
    }
}
