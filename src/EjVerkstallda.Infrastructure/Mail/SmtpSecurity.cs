namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>How the connection to the SMTP relay is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS before AUTH and MAIL (ports 587 or 25). Required: a relay that does not offer STARTTLS is refused.</summary>
    StartTls = 0,

    /// <summary>No TLS. Only for a relay on the same host or a trusted network, and without credentials unless <see cref="SmtpOptions.AllowInsecureRelay"/> is set.</summary>
    None = 1,

    /// <summary>Implicit TLS: TLS from the first byte (port 465, "SMTPS").</summary>
    Tls = 2,
}
