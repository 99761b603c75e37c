namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>How the product authenticates to the SMTP relay (<c>Ejv:Mail:Smtp:Auth</c>).</summary>
public enum SmtpAuth
{
    /// <summary>SMTP AUTH with <see cref="SmtpOptions.UserName"/> and <see cref="SmtpOptions.Password"/>; no AUTH when UserName is empty.</summary>
    Password = 0,

    /// <summary>SMTP AUTH XOAUTH2 with an access token for <see cref="SmtpOptions.UserName"/> (the sending mailbox), fetched by client credentials (<see cref="SmtpOAuth2Options"/>).</summary>
    OAuth2 = 1,
}
