using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>
/// One pinned relay certificate, accepted in addition to normal validation. Installed per SMTP client
/// (<c>SmtpClient.ServerCertificateValidationCallback</c>), so a pin never applies to another connection.
/// </summary>
internal sealed class CertificatePin
{
    private readonly string thumbprint;

    private CertificatePin(string thumbprint) => this.thumbprint = thumbprint;

    /// <summary>True once a certificate that failed normal validation was accepted through the pin.</summary>
    public bool Used { get; private set; }

    /// <summary>Upper-case hex without separators, or null when not 40 or 64 hex digits.</summary>
    public static string? Normalize(string? thumbprint)
    {
        if (thumbprint is null)
            return null;
        string hex = thumbprint.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return hex.Length is 40 or 64 && hex.All(Uri.IsHexDigit) ? hex : null;
    }

    /// <summary>A fresh pin for one connection, or null when none is configured.</summary>
    public static CertificatePin? For(string? configured) => Normalize(configured) is { } hex ? new CertificatePin(hex) : null;

    /// <summary>The callback for one client: normal validation, or the pinned certificate.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
            return true;
        if (certificate is null || !Matches(certificate))
            return false;
        Used = true;
        return true;
    }

    private bool Matches(X509Certificate certificate)
    {
        var algorithm = thumbprint.Length == 64 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1;
        return string.Equals(certificate.GetCertHashString(algorithm), thumbprint, StringComparison.OrdinalIgnoreCase);
    }
}
