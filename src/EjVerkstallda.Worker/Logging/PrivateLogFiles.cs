using System.Text;
using EjVerkstallda.Infrastructure.Files;
using Serilog.Sinks.File;

namespace EjVerkstallda.Worker.Logging;

/// <summary>
/// The log files are owner-only (0600) whatever the umask: Serilog's file sink opens them with the umask's mode, so
/// this hook takes group and other permissions away as each file is opened. The folder is created 0700 before the
/// sink starts, so the file is unreachable by others even in the moment before the hook runs.
/// </summary>
public sealed class PrivateLogFiles : FileLifecycleHooks
{
    public static readonly PrivateLogFiles Instance = new();

    public static string PrepareFolder(string folder)
    {
        SecureFiles.CreateDirectory(folder);
        return folder;
    }

    public override Stream OnFileOpened(string path, Stream underlyingStream, Encoding encoding)
    {
        SecureFiles.Restrict(path);
        return underlyingStream;
    }
}
