using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Identity.Client;

namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>
/// Maps what MailKit (and MSAL, for the OAuth2 token) throws to <see cref="MailTransientException"/> or
/// <see cref="MailPermanentException"/>: SMTP 4xx, protocol, socket, I/O and timeout errors are transient; SMTP 5xx,
/// authentication, a failed TLS handshake, a relay without STARTTLS and a refused app registration are permanent.
/// </summary>
/// <remarks>
/// MailKit sends DATA only when every recipient was accepted, so a rejected recipient means nobody got the mail: its
/// reply code decides, as for any other command.
/// </remarks>
internal static class SmtpFailureClassifier
{
    /// <summary>The mapped exception, or null when <paramref name="exception"/> is not a delivery failure (it then propagates unchanged).</summary>
    public static Exception? Classify(Exception exception, string messageId, string relay) => exception switch
    {
        OperationCanceledException or MailPermanentException or MailTransientException => null,
        SmtpCommandException smtp => ByReply(smtp, messageId, relay),
        MailKit.Security.AuthenticationException auth => Permanent(messageId, $"relay {relay} refused the authentication ({Answer(auth.Message)}). {AuthAdvice}", auth),
        SslHandshakeException tls => Permanent(messageId, $"the TLS handshake with relay {relay} failed: the relay's certificate is not trusted, was revoked or its revocation could not be checked, or TLS was refused. Install a trusted certificate, set Ejv:Mail:Smtp:TrustedCertificateThumbprint for a self-signed one, or CheckRevocation=false for an internal relay without CRL access.", tls),
        NotSupportedException unsupported => Permanent(messageId, $"relay {relay} does not offer what the configuration requires ({unsupported.Message}); STARTTLS is required with Security=StartTls: use a relay that offers it, or Security=Tls on port 465.", unsupported),
        MsalServiceException idp => ByIdentityProvider(idp, messageId),
        MsalClientException client => Permanent(messageId, $"no access token could be obtained ({client.ErrorCode}): check Ejv:Mail:Smtp:OAuth2 (Authority or TenantId, ClientId, the secret or certificate file).", client),
        _ => ByCause(exception, messageId, relay),
    };

    private static string AuthAdvice => "Authentication failed or is required: check UserName and the password (Ejv__Mail__Smtp__Password), or with Auth=OAuth2 the app registration's SMTP.SendAsApp permission and the mailbox permission.";

    /// <summary>MailKit words a refused AUTH as "535: 5.7.8 ..."; say "answered 535: ..." like any other reply.</summary>
    private static string Answer(string message) =>
        message.Length > 3 && message[..3].All(char.IsAsciiDigit) ? "answered " + message : message;

    private static Exception ByReply(SmtpCommandException smtp, string messageId, string relay)
    {
        int code = (int)smtp.StatusCode;
        string status = code.ToString(CultureInfo.InvariantCulture);
        string what = smtp.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted => " to a recipient (nobody got the mail)",
            SmtpErrorCode.SenderNotAccepted => " to the sender",
            _ => "",
        };
        if (code is >= 400 and <= 499)
            return new MailTransientException(messageId, $"Mail {messageId}: relay {relay} answered {status}{what} (temporary): {smtp.Message} Retry later.", smtp);
        string advice = code is 530 or 534 or 535 ? AuthAdvice : "The relay refused the mail: check the sender, the recipients and the relay's policy.";
        return Permanent(messageId, $"relay {relay} answered {status}{what}: {smtp.Message} {advice}", smtp);
    }

    private static Exception ByIdentityProvider(MsalServiceException idp, string messageId)
    {
        string status = idp.StatusCode.ToString(CultureInfo.InvariantCulture);
        if (idp.StatusCode is 429 or >= 500 || idp.IsRetryable)
            return new MailTransientException(messageId, $"Mail {messageId}: the identity provider answered {status} ({idp.ErrorCode}) to the token request. Retry later.", idp);
        return Permanent(messageId, $"the identity provider refused the token request ({status} {idp.ErrorCode}): check Ejv:Mail:Smtp:OAuth2:ClientId and the client secret or certificate, and that the app registration has SMTP.SendAsApp with admin consent.", idp);
    }

    private static MailPermanentException Permanent(string messageId, string text, Exception inner) =>
        new(messageId, $"Mail {messageId}: {text}", inner);

    private static Exception? ByCause(Exception exception, string messageId, string relay)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SmtpProtocolException:
                case ServiceNotConnectedException:
                case TimeoutException:
                case SocketException:
                case IOException:
                case HttpRequestException:
                    return new MailTransientException(messageId, $"Mail {messageId}: relay {relay} (or the identity provider) could not be reached or dropped the connection ({e.GetType().Name}: {e.Message}). Retry later.", exception);
            }
        }
        return null;
    }
}
