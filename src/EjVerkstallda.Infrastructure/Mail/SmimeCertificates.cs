using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;

namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>
/// The recipients' certificates for S/MIME encryption, given as files (PEM or DER). One rule for what can be encrypted to:
/// checked when the product starts (with the key that named the file) and again when a message is encrypted.
/// </summary>
public static class SmimeCertificates
{
    private const string EmailProtection = "1.3.6.1.5.5.7.3.4";
    private const string AnyExtendedKeyUsage = "2.5.29.37.0";
    private const int KeyEncipherment = 2;
    public const int MinRsaBits = 2048;

    /// <summary>Reads the first certificate of a PEM or DER file; null with the reason when there is none.</summary>
    public static X509Certificate? Load(string file, out string? problem)
    {
        problem = null;
        if (!File.Exists(file))
        {
            problem = "does not exist (or the service account may not read it)";
            return null;
        }
        try
        {
            using var stream = File.OpenRead(file);
            var certificate = new X509CertificateParser().ReadCertificate(stream);
            if (certificate is null) problem = "holds no certificate (expected one PEM or DER X.509 certificate)";
            return certificate;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot be read ({e.GetType().Name})";
            return null;
        }
        catch (Exception e) when (e is Org.BouncyCastle.Security.Certificates.CertificateException or ArgumentException or InvalidOperationException or Org.BouncyCastle.Asn1.Asn1Exception)
        {
            problem = "is not a readable X.509 certificate (PEM or DER)";
            return null;
        }
    }

    /// <summary>Why a message cannot be encrypted to the certificate at <paramref name="now"/>; null when it can.</summary>
    public static string? Problem(X509Certificate certificate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var utc = now.UtcDateTime;
        if (certificate.NotAfter < utc) return $"expired on {certificate.NotAfter:yyyy-MM-dd}; ask the revisor for a new certificate";
        if (certificate.NotBefore > utc) return $"is not valid before {certificate.NotBefore:yyyy-MM-dd}";
        if (certificate.GetPublicKey() is not RsaKeyParameters rsa) return "has no RSA key (only RSA certificates are supported for encryption)";
        if (rsa.Modulus.BitLength < MinRsaBits) return $"has an RSA key of {rsa.Modulus.BitLength} bits; at least {MinRsaBits} are needed";
        if (certificate.GetKeyUsage() is { } usage && (usage.Length <= KeyEncipherment || !usage[KeyEncipherment]))
            return "is not for encryption (its key usage lacks keyEncipherment); ask for the revisor's encryption certificate";
        if (certificate.GetExtendedKeyUsage() is { Count: > 0 } extended
            && !extended.Any(o => o.Id is EmailProtection or AnyExtendedKeyUsage))
            return "is not for e-mail (its extended key usage lacks emailProtection)";
        return null;
    }
}
