using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using System.Text.RegularExpressions;

namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>Turns an <see cref="OutgoingMail"/> into a UTF-8 <see cref="MailMessage"/>.</summary>
internal static partial class MailMessageFactory
{
    public static void ValidateMessageId(string messageId)
    {
        if (!MessageIdPattern().IsMatch(messageId))
            throw new ArgumentException("MessageId must be 1-128 characters of letters, digits, '.', '-' or '_', starting with a letter or digit.", nameof(messageId));
    }

    public static MailMessage Create(OutgoingMail mail)
    {
        ValidateMessageId(mail.MessageId);
        if (mail.To.Count == 0)
            throw new MailPermanentException(mail.MessageId, $"Mail {mail.MessageId} has no recipients; add at least one address.");
        var message = new MailMessage
        {
            From = ParseAddress(mail, mail.From, "the sender"),
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = mail.Body,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
            HeadersEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        message.Headers.Add("Message-ID", $"<{mail.MessageId}@ejverkstallda>");
        for (int i = 0; i < mail.To.Count; i++)
            message.To.Add(ParseAddress(mail, mail.To[i], $"recipient #{i + 1}"));
        for (int i = 0; i < mail.Attachments.Count; i++)
            message.Attachments.Add(CreateAttachment(mail, i));
        return message;
    }

    private static MailAddress ParseAddress(OutgoingMail mail, string address, string role)
    {
        try
        {
            return new MailAddress(address);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new MailPermanentException(mail.MessageId, $"Mail {mail.MessageId}: {role} is not a valid e-mail address; correct it in the configuration.", e);
        }
    }

    private static Attachment CreateAttachment(OutgoingMail mail, int index)
    {
        MailAttachment source = mail.Attachments[index];
        ContentType contentType;
        try
        {
            contentType = new ContentType(source.ContentType);
        }
        catch (FormatException e)
        {
            throw new MailPermanentException(mail.MessageId, $"Mail {mail.MessageId}: attachment #{index + 1} has an invalid content type.", e);
        }
        var attachment = new Attachment(new MemoryStream(source.Content, writable: false), contentType)
        {
            Name = source.FileName,
            NameEncoding = Encoding.UTF8,
            TransferEncoding = TransferEncoding.Base64,
        };
        attachment.ContentDisposition!.FileName = source.FileName;
        // System.Net.Mail writes non-ASCII names only as RFC 2047 encoded words inside quotes
        // (filename="=?utf-8?B?...?="), which RFC 2047 does not allow there, though most clients accept it.
        // Add the standard RFC 2231 form as well; clients that know it prefer it.
        if (!Ascii.IsValid(source.FileName))
            attachment.ContentDisposition.Parameters["filename*"] = "utf-8''" + Uri.EscapeDataString(source.FileName);
        return attachment;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex MessageIdPattern();
}
