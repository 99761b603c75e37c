namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>Gives the OAuth 2.0 access token for SMTP AUTH XOAUTH2: cached, and renewed before it expires.</summary>
public interface IAccessTokenSource
{
    /// <summary>A valid access token. Never log it.</summary>
    Task<string> GetAccessTokenAsync(CancellationToken cancellationToken);
}
