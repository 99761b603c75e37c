using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>
/// Accepts one pinned relay certificate in addition to normal validation.
/// </summary>
/// <remarks>
/// System.Net.Mail (.NET 10) builds its SslStream with
/// <see cref="ServicePointManager.ServerCertificateValidationCallback"/> and offers no per-client hook,
/// so this installs one process-wide callback, once. The callback accepts what normal validation
/// accepts; it accepts a failing certificate only when its SHA-256 or SHA-1 thumbprint equals the
/// pin of the send that is running on the current async flow (an <see cref="AsyncLocal{T}"/>),
/// so a pin never leaks to other connections. Any callback installed earlier by someone else is
/// still consulted for everything else.
/// </remarks>
internal static class CertificatePins
{
    private static readonly AsyncLocal<PinScope?> Current = new();
    private static readonly Lock InstallLock = new();
    private static bool installed;

    /// <summary>Upper-case hex without separators, or null when not 40 or 64 hex digits.</summary>
    public static string? Normalize(string? thumbprint)
    {
        if (thumbprint is null)
            return null;
        string hex = thumbprint.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        bool isHex = hex.Length is 40 or 64 && hex.All(Uri.IsHexDigit);
        return isHex ? hex : null;
    }

    /// <summary>Makes <paramref name="normalizedThumbprint"/> trusted for the rest of the calling async flow.</summary>
    public static PinScope Enter(string normalizedThumbprint)
    {
        EnsureInstalled();
        var scope = new PinScope(normalizedThumbprint);
        Current.Value = scope;
        return scope;
    }

    public static void Exit() => Current.Value = null;

    private static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            if (installed)
                return;
#pragma warning disable SYSLIB0014 // ServicePointManager is obsolete, but it is the only certificate hook System.Net.Mail has.
            var previous = ServicePointManager.ServerCertificateValidationCallback;
            ServicePointManager.ServerCertificateValidationCallback = (sender, certificate, chain, errors) =>
                Validate(previous, sender, certificate, chain, errors);
#pragma warning restore SYSLIB0014
            installed = true;
        }
    }

    private static bool Validate(RemoteCertificateValidationCallback? previous, object sender,
        X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
            return true;
        if (certificate is not null && Current.Value is { } scope && Matches(certificate, scope.Thumbprint))
        {
            scope.Used = true;
            return true;
        }
        return previous?.Invoke(sender, certificate, chain, errors) ?? false;
    }

    private static bool Matches(X509Certificate certificate, string thumbprint)
    {
        var algorithm = thumbprint.Length == 64 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1;
        return string.Equals(certificate.GetCertHashString(algorithm), thumbprint, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The pin of one send; <see cref="Used"/> tells whether it was needed.</summary>
    internal sealed class PinScope(string thumbprint)
    {
        public string Thumbprint { get; } = thumbprint;

        public bool Used { get; set; }
    }
}
