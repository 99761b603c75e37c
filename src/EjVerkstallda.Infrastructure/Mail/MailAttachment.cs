namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>A file attached to an <see cref="OutgoingMail"/>.</summary>
/// <param name="FileName">Name shown to the recipient; non-ASCII characters are allowed.</param>
/// <param name="ContentType">MIME type, e.g. <c>application/vnd.openxmlformats-officedocument.wordprocessingml.document</c>.</param>
/// <param name="Content">The file's bytes.</param>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
