using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EjVerkstallda.Infrastructure.Tests.Mail;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.Configuration;

namespace EjVerkstallda.Worker.Tests.Options;

/// <summary>
/// <c>Ejv:Namnder:N:Revisorer</c> and <c>:Handlaggare</c> are checked at start: a certificate that is missing, expired or
/// not for encryption stops the start with one line naming the key and the file, instead of failing the approval's mail.
/// </summary>
[TestFixture]
public sealed class RevisorerOptionsTests
{
    private string _dir = default!;
    private SmimeTestKey _good = default!;

    [OneTimeSetUp]
    public void MakeCertificates()
    {
        _dir = Directory.CreateTempSubdirectory("ejv-revisor-certs-").FullName;
        _good = SmimeTestKey.Make(_dir, "revisor");
    }

    [OneTimeTearDown]
    public void CleanUp() => Directory.Delete(_dir, recursive: true);

    private static IReadOnlyList<string> Validate(params (string Key, string Value)[] settings)
    {
        var repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(repo, "src", "EjVerkstallda.Worker", "appsettings.json"))
            .AddInMemoryCollection(settings.ToDictionary(s => "Ejv:Namnder:0:" + s.Key, s => (string?)s.Value))
            .Build();
        return new EjvOptionsValidator().Validate(null, config.GetSection("Ejv").Get<EjvOptions>()!).Failures?.ToList() ?? [];
    }

    private string Expired()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=expired revisor", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, critical: true));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1));
        var file = Path.Combine(_dir, "expired.pem");
        File.WriteAllText(file, cert.ExportCertificatePem());
        return file;
    }

    [Test]
    public void Validate_SmimeWithPemAndDerCertificates_Passes()
    {
        Assert.That(Validate(("Revisorer:Delivery", "smime"), ("Revisorer:Certificates:0", _good.CertFile), ("Revisorer:Certificates:1", _good.DerFile())), Is.Empty);
    }

    [Test]
    public void Validate_SmimeCertificateMissing_FailsNamingKeyAndFile()
    {
        var missing = Path.Combine(_dir, "nobody.pem");
        var failures = Validate(("Revisorer:Delivery", "smime"), ("Revisorer:Certificates:0", _good.CertFile), ("Revisorer:Certificates:1", missing));
        Assert.That(failures, Is.EqualTo(new[] { $"Ejv:Namnder:0:Revisorer:Certificates:1 '{missing}' does not exist (or the service account may not read it)" }));
    }

    [Test]
    public void Validate_SmimeCertificateExpired_Fails()
    {
        var expired = Expired();
        Assert.That(Validate(("Revisorer:Delivery", "smime"), ("Revisorer:Certificates:0", expired)),
            Has.One.StartsWith($"Ejv:Namnder:0:Revisorer:Certificates:0 '{expired}' expired on "));
    }

    [Test]
    public void Validate_SmimeSigningOnlyCertificate_Fails()
    {
        var signing = SmimeTestKey.Make(_dir, "signing-only", keyUsage: "digitalSignature");
        Assert.That(Validate(("Revisorer:Delivery", "smime"), ("Revisorer:Certificates:0", signing.CertFile)),
            Has.One.StartsWith($"Ejv:Namnder:0:Revisorer:Certificates:0 '{signing.CertFile}' is not for encryption"));
    }

    [Test]
    public void Validate_FileThatIsNoCertificate_Fails()
    {
        var key = Path.Combine(_dir, "revisor.key.pem");
        Assert.That(Validate(("Revisorer:Delivery", "smime"), ("Revisorer:Certificates:0", key)),
            Has.One.StartsWith($"Ejv:Namnder:0:Revisorer:Certificates:0 '{key}' "));
    }

    [TestCase("smime", "Revisorer:Certificates is empty")]
    [TestCase("folder", "Revisorer:Folder is empty")]
    [TestCase("mail", "Revisorer:Delivery 'mail' must be smime, folder or none")]
    public void Validate_DeliveryWithoutWhatItNeeds_FailsNamingTheKey(string delivery, string expected)
    {
        Assert.That(Validate(("Revisorer:Delivery", delivery)), Has.One.Contains("Ejv:Namnder:0:" + expected));
    }

    [Test]
    public void Validate_NoneAndFolder_Pass()
    {
        Assert.That(Validate(("Revisorer:Delivery", "none")), Is.Empty);
        Assert.That(Validate(("Revisorer:Delivery", "folder"), ("Revisorer:Folder", _dir)), Is.Empty);
    }

    [Test]
    public void Validate_HandlaggareCertificateMissing_FailsNamingTheKey()
    {
        var missing = Path.Combine(_dir, "handlaggare.pem");
        Assert.That(Validate(("Handlaggare:Certificates:0", missing)), Has.One.StartsWith($"Ejv:Namnder:0:Handlaggare:Certificates:0 '{missing}' does not exist"));
    }
}
