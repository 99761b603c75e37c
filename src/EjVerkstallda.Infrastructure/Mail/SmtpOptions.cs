namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>
/// Connection to the SMTP relay; configuration section <c>Ejv:Mail:Smtp</c>.
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Ejv:Mail:Smtp";

    /// <summary>Host name of the relay. Required.</summary>
    public string Host { get; set; } = "";

    /// <summary>TCP port; 587 (submission with STARTTLS) unless the relay says otherwise; 465 with <see cref="SmtpSecurity.Tls"/>.</summary>
    public int Port { get; set; } = 587;

    /// <summary>StartTls (default; required, never "when available"), Tls (implicit TLS, port 465) or None.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Password (default; SMTP AUTH with UserName and Password, or none without UserName) or OAuth2 (XOAUTH2).</summary>
    public SmtpAuth Auth { get; set; } = SmtpAuth.Password;

    /// <summary>User for SMTP AUTH (with OAuth2: the sending mailbox); empty means send without AUTH.</summary>
    public string? UserName { get; set; }

    /// <summary>
    /// Password for SMTP AUTH. Comes from the environment variable <c>Ejv__Mail__Smtp__Password</c>
    /// or a secret store, never from a committed configuration file. Never logged.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>The app registration for <see cref="SmtpAuth.OAuth2"/>.</summary>
    public SmtpOAuth2Options OAuth2 { get; set; } = new();

    /// <summary>Allows credentials over a connection without TLS. Default false; only for a relay on the same host.</summary>
    public bool AllowInsecureRelay { get; set; }

    /// <summary>Time allowed for one delivery (connect, TLS, AUTH and DATA). Default 100 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Optional SHA-256 (64 hex digits) or SHA-1 (40 hex digits) thumbprint of a self-signed relay
    /// certificate to accept in addition to normal validation. Colons and spaces are ignored.
    /// </summary>
    public string? TrustedCertificateThumbprint { get; set; }

    /// <summary>
    /// Checks the relay certificate's revocation (CRL/OCSP) during the TLS handshake. Default true; set false only for an
    /// internal relay whose certificate authority's CRL the server cannot reach (the handshake then fails as untrusted).
    /// </summary>
    public bool CheckRevocation { get; set; } = true;

    internal bool HasCredentials => !string.IsNullOrEmpty(UserName);

    /// <summary>Every problem with these options at once, each naming the key and how to fix it; empty when valid.</summary>
    public IEnumerable<string> Validate() => SmtpOptionsValidation.Problems(this);
}
