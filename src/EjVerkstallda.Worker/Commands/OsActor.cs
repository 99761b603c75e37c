using EjVerkstallda.Core.Lifecycle;

namespace EjVerkstallda.Worker.Commands;

/// <summary>
/// Who runs a command: the OS account (with its domain on Windows) is the identity; <c>--by</c> only adds the name shown in
/// documents and pages. Nobody can approve as someone else by typing a name.
/// </summary>
public static class OsActor
{
    public const int MaxDisplayName = 200;

    public static Actor Current(string? by)
    {
        var id = OperatingSystem.IsWindows() && !string.IsNullOrEmpty(Environment.UserDomainName)
            ? $"{Environment.UserDomainName}\\{Environment.UserName}"
            : Environment.UserName;
        if (string.IsNullOrWhiteSpace(id)) throw new UsageException("the OS account running this command has no name; run it as a named user");
        if (by is null) return new Actor(id, id, Actor.FromOs);
        var name = by.Trim();
        if (name.Length is 0 or > MaxDisplayName || name.Any(char.IsControl))
            throw new UsageException($"--by must be a name of 1-{MaxDisplayName} printable characters (it is shown beside your account {id})");
        return new Actor(id, name, Actor.FromOs);
    }

    public static Actor FromCommandLine(CommandLine cli) => Current(cli.Single("--by"));
}
