using EjVerkstallda.Infrastructure.Mail;

namespace EjVerkstallda.Infrastructure.Tests.Mail;

/// <summary><c>Auth=OAuth2</c> is validated at start: every missing or contradictory key is named, no secret is echoed.</summary>
[TestFixture]
public sealed class SmtpOAuth2OptionsTests
{
    private static SmtpOptions Complete() => new()
    {
        Host = "smtp.office365.com",
        Auth = SmtpAuth.OAuth2,
        UserName = "ejv@kommun.example",
        OAuth2 = new SmtpOAuth2Options { TenantId = "00000000-0000-0000-0000-000000000001", ClientId = "11111111-2222-3333-4444-555555555555", ClientSecret = "from-the-environment" },
    };

    [Test]
    public void Validate_CompleteExchangeOnlineOptions_NoProblems()
    {
        Assert.That(Complete().Validate(), Is.Empty);
        Assert.That(Complete().OAuth2.Scope, Is.EqualTo("https://outlook.office365.com/.default"));
    }

    [Test]
    public void Validate_OAuth2WithNothingElse_NamesEveryMissingKey()
    {
        var problems = new SmtpOptions { Host = "smtp.office365.com", Auth = SmtpAuth.OAuth2 }.Validate().ToList();

        Assert.That(problems, Has.Count.EqualTo(4), string.Join("\n", problems));
        Assert.That(problems, Has.One.StartsWith("Ejv:Mail:Smtp:UserName is empty while Auth=OAuth2"));
        Assert.That(problems, Has.One.StartsWith("Ejv:Mail:Smtp:OAuth2:ClientId is empty"));
        Assert.That(problems, Has.One.Contains("exactly one of TenantId").And.Contains("Authority"));
        Assert.That(problems, Has.One.Contains("exactly one of ClientSecret").And.Contains("Ejv__Mail__Smtp__OAuth2__ClientSecret"));
    }

    [Test]
    public void Validate_TwoSecretsTenantAndAuthorityAndAPassword_EachNamed()
    {
        var o = Complete();
        o.Password = "Pw-Never-Echoed-77";
        o.OAuth2.ClientSecretFile = "/nonexistent/ejv-secret";
        o.OAuth2.Authority = "http://idp.kommun.example";
        o.OAuth2.ClientSecret = "Secret-Never-Echoed-88";

        var problems = o.Validate().ToList();

        Assert.That(problems, Has.One.StartsWith("Ejv:Mail:Smtp:Password is set while Auth=OAuth2"));
        Assert.That(problems, Has.One.Contains("exactly one of ClientSecret").And.Contains("has 2"));
        Assert.That(problems, Has.One.Contains("exactly one of TenantId"));
        Assert.That(problems, Has.One.StartsWith("Ejv:Mail:Smtp:OAuth2:Authority 'http://idp.kommun.example' must be an https URL"));
        Assert.That(problems, Has.One.StartsWith("Ejv:Mail:Smtp:OAuth2:ClientSecretFile '/nonexistent/ejv-secret' does not exist"));
        Assert.That(problems, Has.None.Contains("Never-Echoed"));
    }

    [Test]
    public void Validate_OAuth2OverPlainConnection_Refused()
    {
        var o = Complete();
        o.Security = SmtpSecurity.None;

        Assert.That(o.Validate(), Has.One.Contains("refusing to send credentials without TLS"));
    }

    [Test]
    public void Constructor_OAuth2WithoutTokenSource_Throws()
    {
        Assert.Throws<ArgumentException>(() => _ = new SmtpMailSender(Complete(), new CapturingLogger<SmtpMailSender>()));
    }
}
