using EjVerkstallda.Infrastructure.Mail;

namespace EjVerkstallda.Infrastructure.Tests.Mail;

[TestFixture]
public sealed class PickupFolderMailSenderTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("ejv-pickup-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task SendAsync_NewMessageId_WritesOneParseableEml()
    {
        await Sender().SendAsync(TestMails.Report("ejv-2024Q1-0007"), CancellationToken.None);

        string[] files = Directory.GetFiles(folder, "*.eml");
        Assert.That(files.Select(Path.GetFileName), Is.EqualTo(new[] { "ejv-2024Q1-0007.eml" }));
        var mail = MimeEntity.Parse(File.ReadAllText(files[0], System.Text.Encoding.Latin1));
        var attachment = mail.Parts.Single(p => p.FileName is not null);
        Assert.Multiple(() =>
        {
            Assert.That(mail.DecodedHeader("Subject"), Is.EqualTo(TestMails.Subject));
            Assert.That(mail.Header("Message-ID"), Is.EqualTo("<ejv-2024Q1-0007@ejverkstallda>"));
            Assert.That(mail.Parts.Single(p => p.FileName is null).DecodedText(), Is.EqualTo(TestMails.Body));
            Assert.That(attachment.FileName, Is.EqualTo(TestMails.AttachmentName));
            Assert.That(attachment.DecodedBody(), Is.EqualTo(TestMails.AttachmentBytes));
        });
    }

    [Test]
    public async Task SendAsync_SameMessageIdTwice_KeepsTheFirstFileOnly()
    {
        var sender = Sender();
        await sender.SendAsync(TestMails.Report("ejv-1"), CancellationToken.None);
        string path = Path.Combine(folder, "ejv-1.eml");
        byte[] first = await File.ReadAllBytesAsync(path);

        await sender.SendAsync(TestMails.Report("ejv-1") with { Subject = "changed" }, CancellationToken.None);

        Assert.That(Directory.GetFiles(folder, "*.eml"), Has.Length.EqualTo(1));
        Assert.That(await File.ReadAllBytesAsync(path), Is.EqualTo(first));
    }

    [Test]
    public async Task SendAsync_TwoMessageIds_WritesTwoFilesAndLeavesNoStagingFiles()
    {
        var sender = Sender();

        await sender.SendAsync(TestMails.Report("ejv-1"), CancellationToken.None);
        await sender.SendAsync(TestMails.Report("ejv-2"), CancellationToken.None);

        Assert.That(Directory.GetFiles(folder, "*.eml").Select(Path.GetFileName), Is.EquivalentTo(new[] { "ejv-1.eml", "ejv-2.eml" }));
        Assert.That(Directory.GetFiles(folder, "*", SearchOption.AllDirectories), Has.Length.EqualTo(2));
    }

    [Test]
    public async Task SendAsync_ConcurrentSendsOfSameId_WriteExactlyOneFile()
    {
        var sender = Sender();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => sender.SendAsync(TestMails.Report("ejv-race"), CancellationToken.None))));

        Assert.That(Directory.GetFiles(folder, "*.eml"), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_IoErrorCreatingTheFolder_ThrowsTransient()
    {
        string notAFolder = Path.Combine(folder, "occupied");
        await File.WriteAllTextAsync(notAFolder, "");
        var sender = new PickupFolderMailSender(notAFolder, new CapturingLogger<PickupFolderMailSender>());

        await Assert.ThrowsAsync<MailTransientException>(() => sender.SendAsync(TestMails.Report(), CancellationToken.None));
    }

    [Test]
    public async Task SendAsync_LeftoverFromACrashInStaging_StillWritesTheMail()
    {
        string leftover = Path.Combine(folder, ".staging", "crashed");
        Directory.CreateDirectory(leftover);
        await File.WriteAllTextAsync(Path.Combine(leftover, "half.eml"), "Subject: half");

        await Sender().SendAsync(TestMails.Report("ejv-after-crash"), CancellationToken.None);

        Assert.That(Directory.GetFiles(folder, "*.eml").Select(Path.GetFileName), Is.EqualTo(new[] { "ejv-after-crash.eml" }));
    }

    [TestCase("../escape")]
    [TestCase("a/b")]
    [TestCase("")]
    public async Task SendAsync_UnsafeMessageId_ThrowsArgumentException(string messageId)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Sender().SendAsync(TestMails.Report() with { MessageId = messageId }, CancellationToken.None));
    }

    private PickupFolderMailSender Sender() => new(folder, new CapturingLogger<PickupFolderMailSender>());
}
