namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>
/// One e-mail as the outbox hands it to an <see cref="IMailSender"/>.
/// </summary>
/// <param name="MessageId">
/// Stable id chosen by the caller's outbox (letters, digits, '.', '-', '_'). It becomes the
/// Message-ID header <c>&lt;{MessageId}@ejverkstallda&gt;</c> and the pickup file name, so a retry
/// of the same mail keeps the same identity.
/// </param>
/// <param name="From">Sender address.</param>
/// <param name="To">Recipient addresses; at least one.</param>
/// <param name="Subject">Subject line, any Unicode text.</param>
/// <param name="Body">Plain-text body, sent as UTF-8.</param>
/// <param name="Attachments">Files to attach; may be empty.</param>
public sealed record OutgoingMail(
    string MessageId,
    string From,
    IReadOnlyList<string> To,
    string Subject,
    string Body,
    IReadOnlyList<MailAttachment> Attachments)
{
    /// <summary>
    /// Certificate files (PEM or DER) of the recipients; when given, the whole body (text and attachments) is S/MIME
    /// encrypted to every one of them (<see cref="SmimeEncryptor"/>) and only the headers travel in clear text.
    /// </summary>
    public IReadOnlyList<string> EncryptTo { get; init; } = [];
}
