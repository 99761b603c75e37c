using System.Globalization;

namespace EjVerkstallda.Infrastructure.Files;

/// <summary>
/// Every file and folder the product makes holds personal data or leads to it (IVO underlag, the state store with
/// person_id → IVO identifier, draft e-mails, logs, locks). On Unix they are created owner-only, <c>0600</c> files and
/// <c>0700</c> folders, whatever the process's umask (the umask can only take bits away, and there are none left to take).
/// </summary>
/// <remarks>
/// On Windows a new file inherits the ACL of its folder; the install script creates the product's folders under
/// <c>ProgramData</c> with an ACL for the service account and administrators only, so nothing is set per file here.
/// Folders that already exist are left as they are: the administrator who made them chose their mode (for example
/// <c>0750</c> for a group of readers); the files the product writes into them are still <c>0600</c>.
/// </remarks>
public static class SecureFiles
{
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const string TempSuffix = ".tmp";

    /// <summary>Creates the folder and any missing parents as <c>0700</c>; an existing folder keeps its mode.</summary>
    /// <remarks>.NET's <c>CreateDirectory(path, mode)</c> gives the mode to the last folder only (parents get the umask's), so each is made here.</remarks>
    public static DirectoryInfo CreateDirectory(string path) => CreateDirectory(path, shareWithGroup: false);

    /// <summary>
    /// As <see cref="CreateDirectory(string)"/>; with <paramref name="shareWithGroup"/> a new folder inside a group-private
    /// folder (one the group may read and others may not, e.g. install.sh's <c>0750</c>) is <c>0750</c>, so the
    /// administrator's group of readers keeps its access below it. Other users never get any.
    /// </summary>
    public static DirectoryInfo CreateDirectory(string path, bool shareWithGroup)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows() || Directory.Exists(full)) return Directory.CreateDirectory(full);
        var parent = Path.GetDirectoryName(full);
        if (parent is not null) CreateDirectory(parent, shareWithGroup);
        var mode = shareWithGroup && parent is not null && IsGroupPrivate(parent) ? PrivateFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute : PrivateFolder;
        return Directory.CreateDirectory(full, mode);
    }

    /// <summary>The group may read the folder and other users may not: an administrator's deliberate choice to share with a group.</summary>
    private static bool IsGroupPrivate(string folder)
    {
        if (OperatingSystem.IsWindows()) return false;
        var mode = File.GetUnixFileMode(folder);
        return mode.HasFlag(UnixFileMode.GroupRead | UnixFileMode.GroupExecute)
            && (mode & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) == 0;
    }

    /// <summary>Opens or creates a file; a file it creates is <c>0600</c> from its first byte (folder created too).</summary>
    public static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share = FileShare.None, FileOptions options = FileOptions.None) =>
        Open(path, mode, access, share, options, shareWithGroup: false);

    /// <summary>Creates a new file (never an existing one): <c>0600</c>, or <c>0640</c> in a group-private folder with <paramref name="shareWithGroup"/>.</summary>
    public static FileStream CreateNew(string path, bool shareWithGroup) =>
        Open(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.WriteThrough, shareWithGroup);

    private static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share, FileOptions options, bool shareWithGroup)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is { Length: > 0 }) CreateDirectory(folder, shareWithGroup);
        var fso = new FileStreamOptions { Mode = mode, Access = access, Share = share, Options = options };
        if (!OperatingSystem.IsWindows() && mode is not FileMode.Open and not FileMode.Truncate)
            fso.UnixCreateMode = shareWithGroup && folder is { Length: > 0 } && IsGroupPrivate(folder) ? PrivateFile | UnixFileMode.GroupRead : PrivateFile;
        return new FileStream(path, fso);
    }

    /// <summary>Creates an empty <c>0600</c> file if none exists (for a library that then opens it, e.g. SQLite).</summary>
    public static void EnsureFile(string path)
    {
        using (Open(path, FileMode.OpenOrCreate, FileAccess.Write)) { }
    }

    /// <summary>
    /// Takes group and other permissions away from a file someone else created (a library that opens its own files, or a
    /// file left by an older version). Does nothing on Windows or when the file is missing.
    /// </summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)) return;
        var mode = File.GetUnixFileMode(path);
        var owner = mode & (UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (mode != owner) File.SetUnixFileMode(path, owner);
    }

    /// <summary>
    /// Writes the file atomically: a <c>0600</c> temp file beside it (<c>.name.pid.tmp</c>), flushed to disk, then renamed
    /// over the target, so a reader sees the old or the new file, never half of one. Temp files left in the folder by an
    /// interrupted earlier write are removed first.
    /// </summary>
    /// <remarks>With <paramref name="shareWithGroup"/> (the run outputs) a file in a group-private folder is <c>0640</c>: see <see cref="CreateDirectory(string, bool)"/>.</remarks>
    public static async Task WriteAtomicAsync(string path, byte[] content, CancellationToken ct, bool shareWithGroup = false)
    {
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target)!;
        CreateDirectory(folder, shareWithGroup);
        RemoveStaleTemp(folder);
        var temp = TempFor(target, Environment.ProcessId);
        try
        {
            await using (var stream = Open(temp, FileMode.Create, FileAccess.Write, FileShare.None, FileOptions.WriteThrough, shareWithGroup))
            {
                await stream.WriteAsync(content, ct);
            }
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>The temp name of an atomic write: hidden, beside the target, with the writer's process id.</summary>
    public static string TempFor(string target, int processId) =>
        Path.Combine(Path.GetDirectoryName(target)!, string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(target)}.{processId}{TempSuffix}"));

    /// <summary>
    /// Deletes the temp files of atomic writes in the folder that this process did not make: a run killed between
    /// writing and renaming leaves one, with the same personal data as the file it was to become. Writes into one folder
    /// are serialised by the run lock, so a temp file of another process is never one still being written.
    /// </summary>
    public static int RemoveStaleTemp(string folder)
    {
        if (!Directory.Exists(folder)) return 0;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "." + "*" + TempSuffix))
        {
            if (WriterOf(Path.GetFileName(file)) is not { } pid || pid == Environment.ProcessId) continue;
            if (TryDelete(file)) removed++;
        }
        return removed;
    }

    /// <summary>The process id in <c>.name.pid.tmp</c>, or null for a file that is not one of ours.</summary>
    private static int? WriterOf(string name)
    {
        var stem = name[..^TempSuffix.Length];
        var dot = stem.LastIndexOf('.');
        return dot > 1 && int.TryParse(stem[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static bool TryDelete(string path)
    {
        try { File.Delete(path); return true; }
        catch (IOException) { return false; /* removed by the next run */ }
        catch (UnauthorizedAccessException) { return false; }
    }
}
