using System.Diagnostics;
using EjVerkstallda.Infrastructure.Tests.Mail;

namespace EjVerkstallda.Web.Tests.Support;

/// <summary>
/// The real OpenID Connect provider of the browser tests: npm oidc-provider (tests/idp/oidc.mjs) on a free loopback port,
/// with the test users and their group claims and a plain login form. Killed on dispose.
/// </summary>
public sealed class OidcTestProvider : IDisposable
{
    public const string ClientId = "ejv-web";
    public const string ClientSecret = "web-test-secret-4711";
    public const string Password = "test-password";
    private readonly Process _process;

    private OidcTestProvider(Process process, string issuer, string log)
    {
        _process = process;
        Issuer = issuer;
        LogFile = log;
    }

    public string Issuer { get; }

    public string LogFile { get; }

    /// <summary>"login &lt;user&gt;" per finished login, "refused &lt;user&gt;" per refused one, "logout prompt" per sign-out confirmation.</summary>
    public IReadOnlyList<string> Logins => File.Exists(LogFile) ? File.ReadAllLines(LogFile) : [];

    /// <param name="users">"id:Display Name:group1,group2".</param>
    public static OidcTestProvider Start(string folder, string redirectUri, params string[] users)
    {
        var script = SmtpTestServer.RepoFile("tests", "idp", "oidc.mjs");
        if (!Directory.Exists(Path.Combine(Path.GetDirectoryName(script)!, "node_modules", "oidc-provider")))
            Worker.Tests.Support.TestPrerequisite.Unavailable("tests/idp/node_modules/oidc-provider is missing: run tests/run-tests.sh (npm ci in tests/idp)");
        var log = Path.Combine(folder, "idp.log");
        var psi = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // The post-logout redirect URI beside the redirect URI, as an IT department registers both (the app's SignedOutCallbackPath).
        var postLogout = redirectUri.Replace("/signin-oidc", Worker.Web.Auth.AuthSetup.SignedOutCallbackPath, StringComparison.Ordinal);
        foreach (var a in new[] { script, "--port", "0", "--client", $"{ClientId}:{ClientSecret}:{redirectUri}", "--password", Password, "--log", log, "--post-logout", postLogout })
            psi.ArgumentList.Add(a);
        foreach (var u in users) { psi.ArgumentList.Add("--user"); psi.ArgumentList.Add(u); }
        var p = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
        p.ErrorDataReceived += (_, _) => { };
        p.BeginErrorReadLine();
        var line = p.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        if (line is null || !line.StartsWith("ready ", StringComparison.Ordinal))
        {
            p.Kill(true);
            throw new InvalidOperationException($"the test identity provider did not start: {line}");
        }
        return new OidcTestProvider(p, line["ready ".Length..].Trim(), log);
    }

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
