using System.Runtime.InteropServices;
using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Infrastructure.Documents;
using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Infrastructure.Tests.Documents;
using EjVerkstallda.Worker.Delivery;
using EjVerkstallda.Worker.Tests.Service;

namespace EjVerkstallda.Worker.Tests.Delivery;

/// <summary>
/// <c>Revisorer:Delivery=folder</c> through the wired channel and the outbox: the document lands in the protected folder
/// owner-only (0600 in a new 0700 folder) under an administrator's umask 022, named by nämnd, quarter and version, read back
/// whole; delivered once; a later version never replaces an earlier one, and a different file under the same name is never
/// overwritten (the item fails and says why).
/// </summary>
[TestFixture]
[NonParallelizable] // sets the process's umask
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RevisorChannelFolderTests
{
    private static readonly Kvartal Q = Kvartal.Parse("2024Q1");
    private uint _umask;

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint SetUmask(uint mask);

    [SetUp]
    public void Umask022() => _umask = SetUmask(0x12); // 022

    [TearDown]
    public void RestoreUmask() => SetUmask(_umask);

    private static Task<InProcessEjv> Ejv(string folder) => InProcessEjv.StartAsync(DateTimeOffset.UtcNow,
        InProcessEjv.Namnd(0, RevisorSample.Namnd, ("Revisorer:Delivery", "folder"), ("Revisorer:Folder", folder)));

    private static async Task<(OutboxMessage Message, DispatchResult Result)> Approve(InProcessEjv ejv, int version, bool rattelse = false)
    {
        var m = ejv.Get<IRevisorChannel>().PerCaseReports(ejv.Options.Namnder[0], Q, version, RevisorSample.Underlag(), rattelse).Single();
        await ejv.Get<OutboxStore>().EnqueueAsync([m], CancellationToken.None);
        return (m, await ejv.Get<OutboxDispatcher>().DispatchAsync(CancellationToken.None));
    }

    [Test]
    public async Task PerCaseReports_Folder_WrittenOwnerOnlyUnderUmask022AndReadBack()
    {
        var root = Directory.CreateTempSubdirectory("ejv-revisor-folder-").FullName;
        var folder = Path.Combine(root, "revisorer", "socialnamnden");
        await using var ejv = await Ejv(folder);

        var (m, result) = await Approve(ejv, version: 1);

        var file = Path.Combine(folder, "ej-verkstallda-socialnamnden-2024Q1-v1.xlsx");
        Assert.That(result.Sent, Is.EqualTo(1));
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EqualTo(new[] { Path.GetFileName(file) }), "the file alone, no temp file left");
        Assert.That(File.GetUnixFileMode(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "0600");
        Assert.That(File.GetUnixFileMode(folder), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute), "0700");
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.That(bytes, Is.EqualTo(m.Attachment));
        var rows = XlsxTestReader.Rows(bytes, RevisorRapportXlsxRenderer.ReportsSheet);
        Assert.That(rows.Skip(1).Select(r => r[^1]), Is.EqualTo(RevisorSample.Ids));
        Assert.That(rows.SelectMany(r => r), Has.None.Contains(RevisorSample.PlantedPersonnummer));
        Directory.Delete(root, recursive: true);
    }

    [Test]
    public async Task PerCaseReports_FolderAgainAndCorrection_OnceEachAndVersionOneKept()
    {
        var root = Directory.CreateTempSubdirectory("ejv-revisor-folder-").FullName;
        try
        {
            await using var ejv = await Ejv(root);
            var (v1, _) = await Approve(ejv, version: 1);
            var (_, again) = await Approve(ejv, version: 1);
            var (v2, _) = await Approve(ejv, version: 2, rattelse: true);

            Assert.That(again.Sent, Is.Zero, "the same version is delivered once");
            Assert.That(Directory.GetFiles(root).Select(Path.GetFileName).Order(),
                Is.EqualTo(new[] { "ej-verkstallda-socialnamnden-2024Q1-v1.xlsx", "ej-verkstallda-socialnamnden-2024Q1-v2-rattelse.xlsx" }));
            Assert.That(await File.ReadAllBytesAsync(Path.Combine(root, v1.AttachmentName!)), Is.EqualTo(v1.Attachment), "version 1 kept as it was");
            var about = XlsxTestReader.Rows(v2.Attachment!, RevisorRapportXlsxRenderer.AboutSheet);
            Assert.That(about[1][1], Does.StartWith("Rättelse – ").And.Contain("version 2"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public async Task PerCaseReports_FolderHoldsOtherFileOfThatName_NotOverwrittenAndFailedWithReason()
    {
        var root = Directory.CreateTempSubdirectory("ejv-revisor-folder-").FullName;
        try
        {
            var stranger = Path.Combine(root, "ej-verkstallda-socialnamnden-2024Q1-v1.xlsx");
            await File.WriteAllTextAsync(stranger, "someone else's file");
            await using var ejv = await Ejv(root);

            var (m, result) = await Approve(ejv, version: 1);

            Assert.That(result.Failed, Is.EqualTo(1));
            Assert.That(await File.ReadAllTextAsync(stranger), Is.EqualTo("someone else's file"), "never overwritten");
            var row = (await ejv.Get<OutboxStore>().ListAsync(RevisorSample.Namnd, CancellationToken.None)).Single(r => r.MessageId == m.MessageId);
            Assert.That(row.LastError, Does.Contain("already exists with other content"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
