using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using EjVerkstallda.Infrastructure.Mail;

namespace EjVerkstallda.Infrastructure.Tests.Mail;

/// <summary>
/// A real SMTP relay for tests: tests/smtp/smtp_server.py (aiosmtpd) on a free loopback port with
/// mandatory STARTTLS (fresh self-signed certificate) and AUTH. Killed on dispose.
/// </summary>
internal sealed class SmtpTestServer : IDisposable
{
    public const string UserName = "ejv-test";
    public const string Password = "S3cret-Pw-4711-never-in-logs";
    private const string Python = "/usr/bin/python3";
    private readonly string root;
    private readonly StringBuilder stderr = new();
    private readonly bool plain;
    private readonly bool implicitTls;
    private readonly IdpTestServer? idp;
    private Process? process;

    private SmtpTestServer(bool plain, bool implicitTls, IdpTestServer? idp)
    {
        this.plain = plain;
        this.implicitTls = implicitTls;
        this.idp = idp;
        root = Directory.CreateTempSubdirectory("ejv-smtp-").FullName;
        SpoolFolder = Path.Combine(root, "spool");
        Directory.CreateDirectory(SpoolFolder);
        Run("openssl", $"req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout {KeyFile} -out {CertFile}");
        using var certificate = X509CertificateLoader.LoadCertificateFromFile(CertFile);
        Thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        Port = FreePort();
    }

    public int Port { get; }

    public string SpoolFolder { get; }

    /// <summary>SHA-256 thumbprint of the server's self-signed certificate.</summary>
    public string Thumbprint { get; }

    private string CertFile => Path.Combine(root, "cert.pem");

    private string KeyFile => Path.Combine(root, "key.pem");

    /// <summary>Starts a server, or fails (CI=true) or ignores the test when python3-aiosmtpd is missing.</summary>
    /// <param name="plain">True: no STARTTLS and no AUTH, like an old internal relay.</param>
    /// <param name="implicitTls">True: TLS from the first byte (port 465 style) instead of STARTTLS.</param>
    /// <param name="idp">Given: AUTH offers only XOAUTH2 and accepts only this identity provider's valid tokens for <see cref="IdpTestServer.Mailbox"/>.</param>
    public static SmtpTestServer Start(bool plain = false, bool implicitTls = false, IdpTestServer? idp = null)
    {
        RequirePrerequisites();
        var server = new SmtpTestServer(plain, implicitTls, idp);
        server.StartProcess();
        return server;
    }

    /// <summary>What the server wrote to stderr (its XOAUTH2 verdicts: "xoauth2 accepted", "xoauth2 refused: reason").</summary>
    public string ServerLog
    {
        get { lock (stderr) return stderr.ToString(); }
    }

    /// <summary>Options for this server; pinned to its certificate unless <paramref name="pin"/> is false.</summary>
    public SmtpOptions Options(bool pin = true, string password = Password) => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        UserName = UserName,
        Password = password,
        Timeout = TimeSpan.FromSeconds(20),
        TrustedCertificateThumbprint = pin ? Thumbprint : null,
    };

    /// <summary>Options for XOAUTH2 through STARTTLS as the mailbox the identity provider's tokens are for.</summary>
    public SmtpOptions OAuth2Options(SmtpOAuth2Options oauth2) => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        Auth = SmtpAuth.OAuth2,
        UserName = IdpTestServer.Mailbox,
        OAuth2 = oauth2,
        Timeout = TimeSpan.FromSeconds(20),
        TrustedCertificateThumbprint = Thumbprint,
    };

    public void StartProcess()
    {
        if (process is not null)
            throw new InvalidOperationException("The SMTP test server is already running.");
        var info = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { ScriptPath(), "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--cert", CertFile, "--key", KeyFile, "--user", UserName, "--password", Password, "--spool", SpoolFolder })
            info.ArgumentList.Add(arg);
        info.ArgumentList.Add("--exit-on-stdin-eof"); // dies with a crashed test host
        if (plain)
            info.ArgumentList.Add("--plain");
        if (implicitTls)
            info.ArgumentList.Add("--implicit-tls");
        if (idp is not null)
        {
            foreach (string arg in new[] { "--oauth-jwks-url", idp.Issuer + "/jwks", "--oauth-ca", idp.CertFile, "--oauth-issuer", idp.Issuer, "--oauth-audience", IdpTestServer.Audience })
                info.ArgumentList.Add(arg);
            info.ArgumentList[info.ArgumentList.IndexOf("--user") + 1] = IdpTestServer.Mailbox;
        }
        process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + Python);
        process.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        WaitForReady(process);
    }

    public void StartProcessIfStopped()
    {
        if (process is null)
            StartProcess();
    }

    public void StopProcess()
    {
        if (process is null)
            return;
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
        process.Dispose();
        process = null;
    }

    /// <summary>The spooled messages, oldest first, as raw text (the wire format is 7-bit).</summary>
    public IReadOnlyList<string> ReadMessages() => Directory.GetFiles(SpoolFolder, "*.eml")
        .OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f), System.Globalization.CultureInfo.InvariantCulture))
        .Select(f => File.ReadAllText(f, Encoding.Latin1))
        .ToList();

    /// <summary>Writes control.json, e.g. <c>{"tempfail": 2}</c>.</summary>
    public void SetControl(string json)
    {
        string temp = Path.Combine(SpoolFolder, "control.json.tmp");
        File.WriteAllText(temp, json);
        File.Move(temp, Path.Combine(SpoolFolder, "control.json"), overwrite: true);
    }

    /// <summary>Removes spooled messages and the control file.</summary>
    public void Reset()
    {
        foreach (string file in Directory.GetFiles(SpoolFolder))
            File.Delete(file);
    }

    public void Dispose()
    {
        StopProcess();
        Directory.Delete(root, recursive: true);
    }

    /// <summary>A loopback port nothing listens on (at the moment of asking).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitForReady(Process started)
    {
        Task<string?> line = started.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(30)) || line.Result is null || !line.Result.StartsWith("ready", StringComparison.Ordinal))
        {
            string errors;
            lock (stderr) errors = stderr.ToString();
            StopProcess();
            Assert.Fail($"SMTP test server did not become ready on port {Port}: {errors}");
        }
    }

    private static void RequirePrerequisites()
    {
        string? missing = !File.Exists(Python) ? Python + " is missing"
            : Run(Python, "-c \"import aiosmtpd\"", throwOnError: false) != 0 ? "python3-aiosmtpd is not installed"
            : Run("openssl", "version", throwOnError: false) != 0 ? "openssl is missing"
            : null;
        if (missing is null)
            return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"SMTP tests need a real server: {missing}.");
        Assert.Ignore($"SMTP tests need a real server: {missing}; run .ci/run to install it.");
    }

    internal static int Run(string file, string arguments, bool throwOnError = true)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            p.StandardOutput.ReadToEnd();
            string errors = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (throwOnError && p.ExitCode != 0)
                throw new InvalidOperationException($"{file} {arguments} failed: {errors}");
            return p.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception) when (!throwOnError)
        {
            return -1;
        }
    }

    private static string ScriptPath() => RepoFile("tests", "smtp", "smtp_server.py");

    /// <summary>A file of the repository, found above the test binaries.</summary>
    internal static string RepoFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine([dir.FullName, .. parts]);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException(string.Join('/', parts) + " not found above " + AppContext.BaseDirectory);
    }
}
