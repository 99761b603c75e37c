using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>
/// Log lines of mail delivery (event ids 4100-4199). Message ids and counts only: never
/// addresses, subject, body or password.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Mail {MessageId} sent to {RecipientCount} recipient(s) with {AttachmentCount} attachment(s)")]
    public static partial void MailSent(ILogger logger, string messageId, int recipientCount, int attachmentCount);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Mail {MessageId}: attempt {Attempt} failed with {ExceptionType}; retrying in {RetryDelay}")]
    public static partial void RetryingDelivery(ILogger logger, string messageId, int attempt, string exceptionType, TimeSpan retryDelay);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Mail {MessageId}: sending credentials without TLS because AllowInsecureRelay=true")]
    public static partial void CredentialsWithoutTls(ILogger logger, string messageId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Mail {MessageId}: relay certificate accepted through the configured thumbprint pin")]
    public static partial void PinnedCertificateAccepted(ILogger logger, string messageId);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Mail {MessageId} was accepted by the relay; closing the connection afterwards failed with {ExceptionType}")]
    public static partial void QuitFailed(ILogger logger, string messageId, string exceptionType);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Mail {MessageId} written to the pickup folder")]
    public static partial void PickupWritten(ILogger logger, string messageId);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "Mail {MessageId} is already in the pickup folder; nothing written")]
    public static partial void PickupAlreadyWritten(ILogger logger, string messageId);
}
