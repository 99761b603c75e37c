namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>
/// The app registration whose client-credentials token authenticates SMTP AUTH XOAUTH2 (<c>Ejv:Mail:Smtp:OAuth2</c>).
/// The secret comes from the environment (<c>Ejv__Mail__Smtp__OAuth2__ClientSecret</c>) or a file outside the
/// installation's committed configuration (<see cref="ClientSecretFile"/>); or a certificate file is used instead.
/// </summary>
public sealed class SmtpOAuth2Options
{
    /// <summary>The default scope: Exchange Online.</summary>
    public const string ExchangeOnlineScope = "https://outlook.office365.com/.default";

    /// <summary>Entra ID tenant (directory) id or domain; sets the authority to login.microsoftonline.com. Set this or <see cref="Authority"/>.</summary>
    public string? TenantId { get; set; }

    /// <summary>Any other OpenID Connect issuer URL (https), e.g. an on-premises ADFS. Set this or <see cref="TenantId"/>.</summary>
    public string? Authority { get; set; }

    /// <summary>The app registration's application (client) id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret. From the environment variable <c>Ejv__Mail__Smtp__OAuth2__ClientSecret</c> only; never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>A file holding the client secret (one line), e.g. a systemd credential or a file only the service account reads.</summary>
    public string? ClientSecretFile { get; set; }

    /// <summary>A PKCS#12 (.pfx) file with the app registration's certificate and private key, instead of a secret.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>The .pfx file's password, if any; from the environment (<c>Ejv__Mail__Smtp__OAuth2__CertificatePassword</c>).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The scope asked for; default <see cref="ExchangeOnlineScope"/>.</summary>
    public string Scope { get; set; } = ExchangeOnlineScope;
}
