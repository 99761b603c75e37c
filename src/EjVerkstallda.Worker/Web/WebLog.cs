using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Worker.Web;

/// <summary>The web host's log lines: ids, roles and counts; never a name, a personnummer or a case's text.</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Health endpoint listening on {Url}")]
    public static partial void HealthListening(ILogger logger, string url);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Error, Message = "Health request failed: {Reason}; answered 500, the service carries on")]
    public static partial void HealthRequestFailed(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Web pages listening on {Url}")]
    public static partial void PagesListening(ILogger logger, string url);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Signed in: {Roles} role(s) from {Source}")]
    public static partial void SignedIn(ILogger logger, int roles, string source);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "IVO marks: {Namnd} {Quarter}: {Marked} report(s) marked entered from the web")]
    public static partial void IvoMarked(ILogger logger, string namnd, string quarter, int marked);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Demo sign-in refused: {Reason}")]
    public static partial void DemoSignInRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Web: {Action} {Namnd} {Quarter}")]
    public static partial void Acted(ILogger logger, string action, string namnd, string quarter);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "Web pages: no identity provider configured (Ejv:Web:Oidc:Authority); every page refuses sign-in")]
    public static partial void NoIdentityProvider(ILogger logger);
}
