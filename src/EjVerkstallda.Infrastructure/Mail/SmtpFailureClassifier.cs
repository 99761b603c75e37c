using System.Globalization;
using System.Net.Mail;
using System.Net.Sockets;
using System.Security.Authentication;

namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>
/// Maps what System.Net.Mail throws to <see cref="MailTransientException"/> or
/// <see cref="MailPermanentException"/>: SMTP 4xx, socket, I/O and timeout errors are transient;
/// 5xx (including 530/535 authentication), TLS failures and anything unrecognised are permanent.
/// </summary>
internal static class SmtpFailureClassifier
{
    /// <summary>The mapped exception, or null when <paramref name="exception"/> is not a delivery failure (it then propagates unchanged).</summary>
    public static Exception? Classify(Exception exception, string messageId, string relay, int recipientCount) => exception switch
    {
        OperationCanceledException => null,
        SmtpFailedRecipientException rejected => ByRecipients(rejected, messageId, relay, recipientCount),
        SmtpException smtp when IsReplyCode(smtp.StatusCode) => ByReply(smtp, (int)smtp.StatusCode, messageId, relay),
        SmtpException smtp => ByCause(smtp, messageId, relay)
            ?? new MailPermanentException(messageId, $"Mail {messageId} via {relay} failed: {smtp.Message}", smtp),
        _ => ByCause(exception, messageId, relay),
    };

    private static bool IsReplyCode(SmtpStatusCode code) => (int)code is >= 400 and <= 599;

    /// <summary>
    /// RCPT rejections. System.Net.Mail sends DATA when at least one recipient was accepted and
    /// throws afterwards: the mail is then already delivered to the others, and a retry would
    /// duplicate it, so a partial rejection is permanent whatever its code.
    /// </summary>
    private static Exception ByRecipients(SmtpFailedRecipientException rejected, string messageId, string relay, int recipientCount)
    {
        SmtpFailedRecipientException[] each = rejected is SmtpFailedRecipientsException many && many.InnerExceptions.Length > 0
            ? many.InnerExceptions
            : [rejected];
        if (each.Length < recipientCount)
        {
            string counts = $"{each.Length.ToString(CultureInfo.InvariantCulture)} of {recipientCount.ToString(CultureInfo.InvariantCulture)}";
            return new MailPermanentException(messageId, $"Mail {messageId}: relay {relay} rejected {counts} recipients and accepted the rest; not retried to avoid duplicates. Check the rejected addresses: {rejected.Message}", rejected);
        }
        int worst = each.Select(e => (int)e.StatusCode).Max();
        return IsReplyCode((SmtpStatusCode)worst)
            ? ByReply(rejected, worst, messageId, relay)
            : ByCause(rejected, messageId, relay) ?? new MailPermanentException(messageId, $"Mail {messageId} via {relay} failed: {rejected.Message}", rejected);
    }

    private static Exception ByReply(SmtpException smtp, int code, string messageId, string relay)
    {
        string status = code.ToString(CultureInfo.InvariantCulture);
        if (code is >= 400 and <= 499)
            return new MailTransientException(messageId, $"Mail {messageId}: relay {relay} answered {status} (temporary): {smtp.Message} Retry later.", smtp);
        string advice = code is 530 or 534 or 535
            ? "Authentication failed or is required: check UserName and the password (Ejv__Mail__Smtp__Password)."
            : "The relay refused the mail: check the sender, the recipients and the relay's policy.";
        return new MailPermanentException(messageId, $"Mail {messageId}: relay {relay} answered {status}: {smtp.Message} {advice}", smtp);
    }

    private static Exception? ByCause(Exception exception, string messageId, string relay)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AuthenticationException:
                    return new MailPermanentException(messageId, $"Mail {messageId}: TLS with relay {relay} failed ({e.Message}). The relay's certificate is not trusted or TLS was refused; install a trusted certificate or set Ejv:Mail:Smtp:TrustedCertificateThumbprint.", exception);
                case TimeoutException:
                case SocketException:
                case IOException:
                    return new MailTransientException(messageId, $"Mail {messageId}: relay {relay} could not be reached or dropped the connection ({e.GetType().Name}: {e.Message}). Retry later.", exception);
            }
        }
        return null;
    }
}
