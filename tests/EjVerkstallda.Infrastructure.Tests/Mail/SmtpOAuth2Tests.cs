using System.Text;
using EjVerkstallda.Infrastructure.Mail;

namespace EjVerkstallda.Infrastructure.Tests.Mail;

/// <summary>
/// SMTP AUTH XOAUTH2 against the real test relay, with tokens from the real test identity provider through MSAL: the
/// relay accepts only a token the provider signed, for the right audience and mailbox, that has not expired.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SmtpOAuth2Tests
{
    private IdpTestServer idp = null!;
    private SmtpTestServer server = null!;

    [OneTimeSetUp]
    public void StartServers()
    {
        idp = IdpTestServer.Start();
        server = SmtpTestServer.Start(idp: idp);
    }

    [OneTimeTearDown]
    public void StopServers()
    {
        server?.Dispose();
        idp?.Dispose();
    }

    [SetUp]
    public void ClearSpool() => server.Reset();

    private SmtpMailSender Sender(IAccessTokenSource tokens, CapturingLogger<SmtpMailSender>? logger = null) =>
        new(server.OAuth2Options(idp.Options()), logger ?? new CapturingLogger<SmtpMailSender>(), tokens);

    [Test]
    public async Task SendAsync_XOAuth2ThroughStartTls_Delivers()
    {
        await Sender(idp.TokenSource(idp.Options())).SendAsync(TestMails.Report("oauth-1"), CancellationToken.None);

        Assert.That(MimeEntity.Parse(server.ReadMessages().Single()).DecodedHeader("Subject"), Is.EqualTo(TestMails.Subject));
        Assert.That(server.ServerLog, Does.Contain("xoauth2 accepted"));
    }

    [Test]
    public async Task SendAsync_ClientSecretFromAFile_Delivers()
    {
        string file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, IdpTestServer.ClientSecret + "\n");
            var options = idp.Options();
            options.ClientSecret = null;
            options.ClientSecretFile = file;
            Assert.That(server.OAuth2Options(options).Validate(), Is.Empty);

            await Sender(idp.TokenSource(options)).SendAsync(TestMails.Report("oauth-secret-file"), CancellationToken.None);

            Assert.That(server.ReadMessages(), Has.Count.EqualTo(1));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task SendAsync_CertificateCredential_Delivers()
    {
        var options = new SmtpOAuth2Options
        {
            Authority = idp.Issuer, ClientId = IdpTestServer.CertificateClientId, CertificateFile = idp.ClientPfx, CertificatePassword = IdpTestServer.PfxPassword,
        };
        Assert.That(server.OAuth2Options(options).Validate(), Is.Empty);

        await Sender(idp.TokenSource(options)).SendAsync(TestMails.Report("oauth-certificate"), CancellationToken.None);

        Assert.That(server.ReadMessages(), Has.Count.EqualTo(1));
        Assert.That(idp.Issued(IdpTestServer.CertificateClientId), Is.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_UnregisteredCertificate_PermanentAndNotDelivered()
    {
        var options = new SmtpOAuth2Options
        {
            Authority = idp.Issuer, ClientId = IdpTestServer.CertificateClientId, CertificateFile = idp.OtherPfx, CertificatePassword = IdpTestServer.PfxPassword,
        };

        var e = await Assert.ThrowsAsync<MailPermanentException>(() => Sender(idp.TokenSource(options)).SendAsync(TestMails.Report("oauth-other-certificate"), CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("invalid_client"));
        Assert.That(e.ToString(), Does.Not.Contain(IdpTestServer.PfxPassword));
        Assert.That(server.ReadMessages(), Is.Empty);
    }

    [Test]
    public async Task SendAsync_WrongClientSecret_PermanentNotRetriedAndNothingSecretInTheOutput()
    {
        const string wrong = "Wr0ng-Idp-Secret-5521";
        var logger = new CapturingLogger<SmtpMailSender>();
        var sender = new CountingMailSender(Sender(idp.TokenSource(idp.Options(secret: wrong)), logger));
        int refusedBefore = idp.Refused();

        var e = await Assert.ThrowsAsync<MailPermanentException>(async () =>
            await MailResilience.SendAsync(MailResilience.CreatePipeline(3, TimeSpan.FromMilliseconds(50), logger), sender, TestMails.Report("oauth-wrong"), CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("identity provider refused").And.Contain("invalid_client").And.Contain("ClientId"));
        Assert.That((sender.Attempts, idp.Refused() - refusedBefore), Is.EqualTo((1, 1)), "one token request, no retry");
        Assert.That(server.ReadMessages(), Is.Empty);
        foreach (string output in logger.Entries.Select(l => l.Text).Append(e.ToString()))
            Assert.That(output, Does.Not.Contain(wrong).And.Not.Contain(IdpTestServer.ClientSecret).And.Not.Contain("eyJ"), "no secret and no token");
    }

    [Test]
    public async Task SendAsync_ExpiredToken_RefusedByTheRelayAsPermanent()
    {
        var sender = Sender(idp.TokenSource(idp.Options(clientId: IdpTestServer.ExpiredClientId)));

        var e = await Assert.ThrowsAsync<MailPermanentException>(() => sender.SendAsync(TestMails.Report("oauth-expired"), CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("refused the authentication").And.Contain("SMTP.SendAsApp"));
        Assert.That(e.ToString(), Does.Not.Contain("eyJ"), "no token in the exception");
        Assert.That(server.ServerLog, Does.Contain("xoauth2 refused: ExpiredSignatureError"));
        Assert.That(server.ReadMessages(), Is.Empty);
    }

    [Test]
    public async Task SendAsync_ForgedToken_RefusedByTheRelayAsPermanent()
    {
        // A real token whose claims were changed (another audience, a later expiry) while its signature was kept.
        string real = await idp.TokenSource(idp.Options()).GetAccessTokenAsync(CancellationToken.None);
        string[] parts = real.Split('.');
        string claims = Encoding.UTF8.GetString(Base64Url(parts[1])).Replace(IdpTestServer.Audience, "https://outlook.office365.com.evil.example", StringComparison.Ordinal);
        string forged = $"{parts[0]}.{Convert.ToBase64String(Encoding.UTF8.GetBytes(claims)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.{parts[2]}";

        var e = await Assert.ThrowsAsync<MailPermanentException>(() => Sender(new FixedToken(forged)).SendAsync(TestMails.Report("oauth-forged"), CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("refused the authentication"));
        Assert.That(server.ServerLog, Does.Contain("xoauth2 refused: InvalidSignatureError"));
        Assert.That(server.ReadMessages(), Is.Empty);
    }

    [Test]
    public async Task SendAsync_TwoSendsWithOneTokenSource_OneTokenRequest()
    {
        var tokens = idp.TokenSource(idp.Options());
        int before = idp.Issued();

        await Sender(tokens).SendAsync(TestMails.Report("oauth-cached-1"), CancellationToken.None);
        await Sender(tokens).SendAsync(TestMails.Report("oauth-cached-2"), CancellationToken.None);

        Assert.That(server.ReadMessages(), Has.Count.EqualTo(2));
        Assert.That(idp.Issued() - before, Is.EqualTo(1), "the second send used MSAL's cached token");
    }

    [Test]
    public async Task SendAsync_TokenCloseToExpiry_RenewedBeforeTheNextSend()
    {
        // Two-minute tokens: MSAL renews a cached token within five minutes of its expiry, so each send asks again.
        var options = idp.Options(clientId: IdpTestServer.ShortLivedClientId);
        var tokens = idp.TokenSource(options);
        int before = idp.Issued(IdpTestServer.ShortLivedClientId);

        await Sender(tokens).SendAsync(TestMails.Report("oauth-short-1"), CancellationToken.None);
        await Sender(tokens).SendAsync(TestMails.Report("oauth-short-2"), CancellationToken.None);

        Assert.That(server.ReadMessages(), Has.Count.EqualTo(2));
        Assert.That(idp.Issued(IdpTestServer.ShortLivedClientId) - before, Is.EqualTo(2));
    }

    private static byte[] Base64Url(string s) => Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/') + new string('=', (4 - s.Length % 4) % 4));

    private sealed class FixedToken(string token) : IAccessTokenSource
    {
        public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);
    }
}
