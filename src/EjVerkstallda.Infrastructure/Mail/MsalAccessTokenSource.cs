using System.Security.Cryptography.X509Certificates;
using Microsoft.Identity.Client;

namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>
/// Client-credentials tokens from MSAL for one app registration. Keep one instance for the process (a singleton): MSAL's
/// app token cache lives in it, so a token is reused until shortly before it expires and then renewed by MSAL.
/// </summary>
public sealed class MsalAccessTokenSource : IAccessTokenSource
{
    private readonly IConfidentialClientApplication app;
    private readonly string[] scopes;

    /// <param name="options">Validated OAuth2 options (<see cref="SmtpOptions.Validate"/>).</param>
    /// <param name="httpClientFactory">Only for tests that must trust a test identity provider's certificate; null in production.</param>
    public MsalAccessTokenSource(SmtpOAuth2Options options, IMsalHttpClientFactory? httpClientFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        scopes = [options.Scope];
        var builder = ConfidentialClientApplicationBuilder.Create(options.ClientId);
        builder = string.IsNullOrWhiteSpace(options.TenantId)
            ? builder.WithOidcAuthority(options.Authority)
            : builder.WithAuthority(AzureCloudInstance.AzurePublic, options.TenantId);
        builder = WithCredential(builder, options);
        if (httpClientFactory is not null)
            builder = builder.WithHttpClientFactory(httpClientFactory);
        app = builder.Build();
    }

    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var result = await app.AcquireTokenForClient(scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }

    private static ConfidentialClientApplicationBuilder WithCredential(ConfidentialClientApplicationBuilder builder, SmtpOAuth2Options o)
    {
        if (!string.IsNullOrWhiteSpace(o.ClientSecret))
            return builder.WithClientSecret(o.ClientSecret);
        if (!string.IsNullOrWhiteSpace(o.ClientSecretFile))
            return builder.WithClientSecret(File.ReadAllText(o.ClientSecretFile).Trim());
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(o.CertificateFile!, o.CertificatePassword);
        return builder.WithCertificate(certificate, sendX5C: true);
    }
}
