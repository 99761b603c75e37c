using System.Runtime.Versioning;
using EjVerkstallda.Infrastructure.Files;

namespace EjVerkstallda.Infrastructure.Tests.Files;

/// <summary>
/// The modes do not depend on the umask. The end-to-end FilePermissionTests run the real ejv under umask 022; these hold the
/// helper's own rules (every missing parent folder, the temp-file names it may remove).
/// </summary>
[TestFixture]
[UnsupportedOSPlatform("windows")]
[Platform(Exclude = "Win", Reason = "Unix file modes; on Windows the folder ACL decides")]
public sealed class SecureFilesTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("ejv-secure-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static string Octal(string path) => Convert.ToString((int)File.GetUnixFileMode(path), 8);

    [Test]
    public void CreateDirectory_SeveralMissingLevels_EachIs0700()
    {
        SecureFiles.CreateDirectory(Path.Combine(_dir, "a", "b", "c"));

        Assert.That(new[] { "a", "a/b", "a/b/c" }.Select(p => Octal(Path.Combine(_dir, p))), Is.All.EqualTo("700"));
    }

    [Test]
    public async Task WriteAtomicAsync_NewFileInNewFolder_Is0600AndLeavesNoTemp()
    {
        var target = Path.Combine(_dir, "out", "q", "ivo-underlag.json");

        await SecureFiles.WriteAtomicAsync(target, [1, 2, 3], CancellationToken.None);

        Assert.That((Octal(target), File.ReadAllBytes(target)), Is.EqualTo(("600", new byte[] { 1, 2, 3 })));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(target)!), Is.EqualTo(new[] { target }));
    }

    [TestCase(0b111_101_000, "750", "640")] // install.sh's 0750 folder with a group of readers: they keep access below it
    [TestCase(0b111_101_101, "700", "600")] // readable by everyone (a home folder, /tmp): nothing is shared
    [TestCase(0b111_000_000, "700", "600")]
    public async Task WriteAtomicAsync_SharedWithGroup_FollowsAGroupPrivateRootOnly(int rootMode, string folderMode, string fileMode)
    {
        var root = Path.Combine(_dir, "root");
        Directory.CreateDirectory(root);
        File.SetUnixFileMode(root, (UnixFileMode)rootMode);
        var target = Path.Combine(root, "namnd", "2024Q1", "ivo-underlag.json");

        await SecureFiles.WriteAtomicAsync(target, [1], CancellationToken.None, shareWithGroup: true);

        Assert.That((Octal(Path.Combine(root, "namnd")), Octal(Path.Combine(root, "namnd", "2024Q1")), Octal(target)), Is.EqualTo((folderMode, folderMode, fileMode)));
    }

    [Test]
    public async Task WriteAtomicAsync_StaleTempOfAnotherProcess_IsRemovedOthersAreKept()
    {
        var folder = Path.Combine(_dir, "q");
        SecureFiles.CreateDirectory(folder);
        var stale = SecureFiles.TempFor(Path.Combine(folder, "ivo-underlag.xlsx"), 4194000);
        var notOurs = Path.Combine(folder, ".notes.tmp");
        var visible = Path.Combine(folder, "kept.1.tmp");
        foreach (var f in new[] { stale, notOurs, visible }) File.WriteAllText(f, "x");

        await SecureFiles.WriteAtomicAsync(Path.Combine(folder, "ivo-underlag.json"), [1], CancellationToken.None);

        Assert.That(File.Exists(stale), Is.False);
        Assert.That((File.Exists(notOurs), File.Exists(visible)), Is.EqualTo((true, true)), "only the product's own temp names are removed");
    }

    [Test]
    public void Open_CreatesFile_Is0600_AndRestrictTightensAnOldOne()
    {
        var old = Path.Combine(_dir, "old.db");
        File.WriteAllText(old, "");
        File.SetUnixFileMode(old, (UnixFileMode)0b110_100_100); // 0644, as an older version left it

        using (SecureFiles.Open(Path.Combine(_dir, "locks", "x.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite)) { }
        SecureFiles.Restrict(old);

        Assert.That((Octal(Path.Combine(_dir, "locks", "x.lock")), Octal(Path.Combine(_dir, "locks")), Octal(old)), Is.EqualTo(("600", "700", "600")));
    }
}
