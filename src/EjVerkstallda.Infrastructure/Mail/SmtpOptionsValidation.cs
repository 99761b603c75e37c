using System.Globalization;

namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>The rules behind <see cref="SmtpOptions.Validate"/>.</summary>
internal static class SmtpOptionsValidation
{
    private const string Prefix = SmtpOptions.SectionName;

    public static IEnumerable<string> Problems(SmtpOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.Host))
            yield return $"{Prefix}:Host is empty; set it to the SMTP relay's host name.";
        if (o.Port is < 1 or > 65535)
            yield return $"{Prefix}:Port is {o.Port.ToString(CultureInfo.InvariantCulture)}; use 1-65535 (587 for STARTTLS submission).";
        if (o.Port == 465 && o.Security == SmtpSecurity.StartTls)
            yield return $"{Prefix}:Port is 465 (implicit TLS) with Security=StartTls; set Security=Tls for port 465, or use port 587 with StartTls.";
        if (!Enum.IsDefined(o.Security))
            yield return $"{Prefix}:Security is '{o.Security}'; use StartTls, Tls or None.";
        if (!Enum.IsDefined(o.Auth))
            yield return $"{Prefix}:Auth is '{o.Auth}'; use Password or OAuth2.";
        if (o.Timeout <= TimeSpan.Zero)
            yield return $"{Prefix}:Timeout is {o.Timeout}; use a positive duration such as 00:01:40.";
        var credentials = o.Auth == SmtpAuth.OAuth2 ? OAuth2Validation.Problems(o) : PasswordProblems(o);
        foreach (var problem in credentials)
            yield return problem;
        if ((o.HasCredentials || !string.IsNullOrEmpty(o.Password)) && o.Security == SmtpSecurity.None && !o.AllowInsecureRelay)
            yield return $"{Prefix}: refusing to send credentials without TLS; set Security=StartTls or AllowInsecureRelay=true.";
        if (!string.IsNullOrWhiteSpace(o.TrustedCertificateThumbprint) && CertificatePin.Normalize(o.TrustedCertificateThumbprint) is null)
            yield return $"{Prefix}:TrustedCertificateThumbprint is not 40 or 64 hex digits; copy the SHA-256 fingerprint of the relay's certificate (openssl x509 -noout -fingerprint -sha256).";
    }

    private static IEnumerable<string> PasswordProblems(SmtpOptions o)
    {
        bool hasPassword = !string.IsNullOrEmpty(o.Password);
        if (o.HasCredentials && !hasPassword)
            yield return $"{Prefix}:Password is empty while UserName is set; set the environment variable Ejv__Mail__Smtp__Password or remove UserName.";
        if (!o.HasCredentials && hasPassword)
            yield return $"{Prefix}:UserName is empty while a password is set; set UserName or remove the password.";
    }
}
