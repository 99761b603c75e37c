namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>The rules for <c>Ejv:Mail:Smtp:Auth=OAuth2</c>: every missing or contradictory key, named.</summary>
internal static class OAuth2Validation
{
    private const string Prefix = SmtpOptions.SectionName + ":OAuth2";

    public static IEnumerable<string> Problems(SmtpOptions o)
    {
        var a = o.OAuth2;
        if (!o.HasCredentials)
            yield return $"{SmtpOptions.SectionName}:UserName is empty while Auth=OAuth2; set it to the sending mailbox (the one the app has SendAs/FullAccess on).";
        if (!string.IsNullOrEmpty(o.Password))
            yield return $"{SmtpOptions.SectionName}:Password is set while Auth=OAuth2; remove it (OAuth2 uses the app registration's secret or certificate).";
        if (string.IsNullOrWhiteSpace(a.ClientId))
            yield return $"{Prefix}:ClientId is empty; set it to the app registration's application (client) id.";
        foreach (var problem in AuthorityProblems(a))
            yield return problem;
        int secrets = new[] { a.ClientSecret, a.ClientSecretFile, a.CertificateFile }.Count(s => !string.IsNullOrWhiteSpace(s));
        if (secrets != 1)
            yield return $"{Prefix}: give exactly one of ClientSecret (environment variable Ejv__Mail__Smtp__OAuth2__ClientSecret), ClientSecretFile or CertificateFile (has {secrets}).";
        foreach (var (key, path) in new[] { ("ClientSecretFile", a.ClientSecretFile), ("CertificateFile", a.CertificateFile) })
            if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
                yield return $"{Prefix}:{key} '{path}' does not exist; give the full path of a file the service account can read.";
        if (string.IsNullOrWhiteSpace(a.Scope))
            yield return $"{Prefix}:Scope is empty; use {SmtpOAuth2Options.ExchangeOnlineScope} for Exchange Online.";
    }

    private static IEnumerable<string> AuthorityProblems(SmtpOAuth2Options a)
    {
        bool hasTenant = !string.IsNullOrWhiteSpace(a.TenantId), hasAuthority = !string.IsNullOrWhiteSpace(a.Authority);
        if (hasTenant == hasAuthority)
            yield return $"{Prefix}: set exactly one of TenantId (Entra ID / Exchange Online) or Authority (another OpenID Connect issuer).";
        if (hasAuthority && !(Uri.TryCreate(a.Authority, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps))
            yield return $"{Prefix}:Authority '{a.Authority}' must be an https URL of an OpenID Connect issuer, e.g. https://adfs.kommun.example/adfs.";
    }
}
