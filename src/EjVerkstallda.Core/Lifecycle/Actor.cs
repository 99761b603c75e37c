namespace EjVerkstallda.Core.Lifecycle;

/// <summary>
/// Who changed a quarter's state: an identity, never free text alone. <see cref="Id"/> is what identifies the person to the
/// kommun (the web login's subject or user name, or the OS account that ran the command); <see cref="DisplayName"/> is what
/// documents and pages show (the login's name claim, or <c>--by</c>); <see cref="Source"/> says where the identity came from.
/// </summary>
public sealed record Actor(string Id, string DisplayName, string Source)
{
    public const string FromOs = "os";
    public const string FromWeb = "web";
    public const string FromService = "service";

    /// <summary>The service itself (automatic approval, scheduled runs).</summary>
    public static Actor Service { get; } = new("ejv-service", "EjVerkställda (automatiskt)", FromService);
}
