using EjVerkstallda.Infrastructure.Mail;

namespace EjVerkstallda.Infrastructure.Tests.Mail;

[TestFixture]
public sealed class SmtpOptionsTests
{
    [Test]
    public void Validate_HostAndDefaults_NoProblems()
    {
        Assert.That(new SmtpOptions { Host = "smtp.kommun.example" }.Validate(), Is.Empty);
    }

    [Test]
    public void Validate_CredentialsWithoutTlsAndNoInsecureRelay_ExplainsFix()
    {
        var options = new SmtpOptions { Host = "relay", Security = SmtpSecurity.None, UserName = "u", Password = "p" };

        Assert.That(options.Validate(), Is.EqualTo(new[] { "Ejv:Mail:Smtp: refusing to send credentials without TLS; set Security=StartTls or AllowInsecureRelay=true." }));
    }

    [Test]
    public void Validate_CredentialsWithoutTlsAndInsecureRelayAllowed_NoProblems()
    {
        var options = new SmtpOptions { Host = "relay", Security = SmtpSecurity.None, UserName = "u", Password = "p", AllowInsecureRelay = true };

        Assert.That(options.Validate(), Is.Empty);
    }

    [Test]
    public void Validate_SeveralMistakes_ReportsEveryOneWithItsKey()
    {
        var options = new SmtpOptions
        {
            Host = " ",
            Port = 0,
            Timeout = TimeSpan.Zero,
            UserName = "u",
            TrustedCertificateThumbprint = "not-hex",
        };

        var problems = options.Validate().ToList();

        Assert.That(problems, Has.Count.EqualTo(5));
        Assert.That(problems, Has.Some.StartsWith("Ejv:Mail:Smtp:Host"));
        Assert.That(problems, Has.Some.StartsWith("Ejv:Mail:Smtp:Port"));
        Assert.That(problems, Has.Some.StartsWith("Ejv:Mail:Smtp:Timeout"));
        Assert.That(problems, Has.Some.StartsWith("Ejv:Mail:Smtp:Password").And.Some.Contains("Ejv__Mail__Smtp__Password"));
        Assert.That(problems, Has.Some.StartsWith("Ejv:Mail:Smtp:TrustedCertificateThumbprint"));
    }

    [Test]
    public void Validate_Port465WithStartTls_PointsToSecurityTls()
    {
        Assert.That(new SmtpOptions { Host = "relay", Port = 465 }.Validate(), Has.One.Contains("Security=Tls"));
    }

    [Test]
    public void Validate_Port465WithImplicitTls_NoProblems()
    {
        Assert.That(new SmtpOptions { Host = "relay", Port = 465, Security = SmtpSecurity.Tls }.Validate(), Is.Empty);
    }

    [TestCase("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01")]
    [TestCase("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789")]
    public void Validate_Sha1OrSha256Thumbprint_Accepted(string thumbprint)
    {
        Assert.That(new SmtpOptions { Host = "relay", TrustedCertificateThumbprint = thumbprint }.Validate(), Is.Empty);
    }

    [Test]
    public void Validate_ProblemsNeverContainThePassword()
    {
        var options = new SmtpOptions { Host = "", Security = SmtpSecurity.None, Password = "TopSecret-99" };

        Assert.That(options.Validate(), Has.None.Contains("TopSecret-99"));
    }
}
