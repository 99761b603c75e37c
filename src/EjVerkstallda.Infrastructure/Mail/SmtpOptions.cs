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

    /// <summary>TCP port; 587 (submission with STARTTLS) unless the relay says otherwise.</summary>
    public int Port { get; set; } = 587;

    /// <summary>STARTTLS (default, mandatory when set) or no TLS.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>User for SMTP AUTH; empty means send without AUTH.</summary>
    public string? UserName { get; set; }

    /// <summary>
    /// Password for SMTP AUTH. Comes from the environment variable <c>Ejv__Mail__Smtp__Password</c>
    /// or a secret store, never from a committed configuration file. Never logged.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>Allows credentials over a connection without TLS. Default false; only for a relay on the same host.</summary>
    public bool AllowInsecureRelay { get; set; }

    /// <summary>Time allowed for one delivery (connect, TLS, AUTH and DATA). Default 100 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Optional SHA-256 (64 hex digits) or SHA-1 (40 hex digits) thumbprint of a self-signed relay
    /// certificate to accept in addition to normal validation. Colons and spaces are ignored.
    /// </summary>
    public string? TrustedCertificateThumbprint { get; set; }

    internal bool HasCredentials => !string.IsNullOrEmpty(UserName);

    /// <summary>Every problem with these options at once, each naming the key and how to fix it; empty when valid.</summary>
    public IEnumerable<string> Validate() => SmtpOptionsValidation.Problems(this);
}
