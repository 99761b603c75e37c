namespace EjVerkstallda.Worker.Commands;

/// <summary>
/// The parsed command line: a command, its options, and configuration overrides (<c>--Section:Key=value</c> or
/// <c>--Section:Key value</c>), which are handed to .NET configuration unchanged.
/// </summary>
public sealed record CommandLine(string? Command, IReadOnlyList<string> Verbs, IReadOnlyDictionary<string, List<string>> Options, IReadOnlySet<string> Flags, string[] ConfigArgs)
{
    private static readonly HashSet<string> KnownFlags = ["--dry-run", "--json", "--all", "--force", "--serve", "--help", "-h"];

    public static CommandLine Parse(string[] args)
    {
        string? command = null;
        var verbs = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var config = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Split('=')[0].Contains(':'))
            {
                config.Add(a);
                if (!a.Contains('=') && i + 1 < args.Length) config.Add(args[++i]);
            }
            else if (KnownFlags.Contains(a))
            {
                flags.Add(a == "-h" ? "--help" : a);
            }
            else if (a.StartsWith("--", StringComparison.Ordinal))
            {
                var (name, value) = a.Contains('=') ? (a[..a.IndexOf('=')], a[(a.IndexOf('=') + 1)..]) : (a, null);
                if (value is null)
                {
                    if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                        throw new UsageException($"option {name} needs a value");
                    value = args[++i];
                }
                if (!options.TryGetValue(name, out var list)) options[name] = list = [];
                list.Add(value);
            }
            else if (command is null) command = a;
            else verbs.Add(a);
        }
        return new CommandLine(command, verbs, options, flags, config.ToArray());
    }

    public string? Single(string name) => Options.TryGetValue(name, out var v)
        ? v.Count == 1 ? v[0] : throw new UsageException($"option {name} is given {v.Count} times; give it once")
        : null;

    public IReadOnlyList<string> All(string name) => Options.TryGetValue(name, out var v) ? v : [];

    public bool Has(string flag) => Flags.Contains(flag);

    /// <summary><c>--settings FILE</c>: a JSON settings file layered over appsettings.json (below environment and command line).</summary>
    public const string SettingsOption = "--settings";

    /// <summary>Fails on any option the command does not know, so a typo is not silently ignored.</summary>
    public void Allow(params string[] names)
    {
        names = [.. names, SettingsOption];
        foreach (var name in Options.Keys)
            if (!names.Contains(name)) throw new UsageException($"unknown option {name} for '{Command}'; see 'ejv help'");
        foreach (var flag in Flags)
            if (flag != "--help" && !names.Contains(flag)) throw new UsageException($"unknown option {flag} for '{Command}'; see 'ejv help'");
    }
}

/// <summary>A bad command line: the message says what to type instead. Exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
