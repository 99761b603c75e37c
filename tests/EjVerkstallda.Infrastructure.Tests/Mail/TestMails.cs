using EjVerkstallda.Infrastructure.Mail;

namespace EjVerkstallda.Infrastructure.Tests.Mail;

/// <summary>A report mail with Swedish subject, body and attachment name.</summary>
internal static class TestMails
{
    public const string Subject = "Återrapportering av ej verkställda beslut – kvartal 1 2024, Socialnämnden i Överkalix";
    public const string Body = "Hej!\r\n\r\nBifogat finns statistikrapporten för kvartal 1 2024 (åäö ÅÄÖ é – “citat”).\r\n.En rad som börjar med punkt.\r\n\r\nMed vänlig hälsning\r\nSocialförvaltningen";
    public const string AttachmentName = "Statistikrapport kvartal 1 2024 – Socialnämnden.docx";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] AttachmentBytes { get; } = Enumerable.Range(0, 6000).Select(i => (byte)(i * 7 % 256)).ToArray();

    public static OutgoingMail Report(string messageId = "ejv-2024Q1-0001") => new(
        messageId,
        "ejverkstallda@kommun.example",
        ["registrator@kommun.example", "statistik@kommun.example"],
        Subject,
        Body,
        [new MailAttachment(AttachmentName, DocxType, AttachmentBytes)]);
}
