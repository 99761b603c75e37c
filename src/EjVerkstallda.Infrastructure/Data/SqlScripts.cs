using System.Collections.Concurrent;
using System.Reflection;

namespace EjVerkstallda.Infrastructure.Data;

/// <summary>The <c>sql/</c> folder of the repository, embedded in this assembly and read once.</summary>
public static class SqlScripts
{
    private static readonly Assembly Assembly = typeof(SqlScripts).Assembly;
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>All embedded script names (for example <c>sqlite/state/0001_initial.sql</c>) under a folder, in name order.</summary>
    public static IReadOnlyList<string> List(string folder)
    {
        var prefix = "sql/" + folder.TrimEnd('/') + "/";
        return Assembly.GetManifestResourceNames()
            .Select(n => n.Replace('\\', '/'))
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && !n[prefix.Length..].Contains('/'))
            .Select(n => n["sql/".Length..])
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
    }

    public static string Read(string name) => Cache.GetOrAdd(name, static n =>
    {
        var resource = Assembly.GetManifestResourceNames().FirstOrDefault(r => r.Replace('\\', '/') == "sql/" + n)
            ?? throw new InvalidOperationException($"embedded SQL script sql/{n} is missing from the build");
        using var stream = Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Splits a script into statements on lines that hold only <c>GO</c> or on <c>;</c> at a line end.</summary>
    public static IEnumerable<string> Statements(string script)
    {
        var current = new System.Text.StringBuilder();
        foreach (var raw in script.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.StartsWith("--", StringComparison.Ordinal) && current.Length == 0) continue;
            if (trimmed.Equals("GO", StringComparison.OrdinalIgnoreCase))
            {
                if (current.ToString().Trim().Length > 0) yield return current.ToString().Trim();
                current.Clear();
                continue;
            }
            current.AppendLine(line);
            if (trimmed.EndsWith(';') && !InsideBlock(current))
            {
                yield return current.ToString().Trim();
                current.Clear();
            }
        }
        if (current.ToString().Trim().Length > 0) yield return current.ToString().Trim();
    }

    // A PostgreSQL $$ body or a T-SQL BEGIN...END block is kept whole: count $$ markers.
    private static bool InsideBlock(System.Text.StringBuilder sb)
    {
        var s = sb.ToString();
        var count = 0;
        for (var i = s.IndexOf("$$", StringComparison.Ordinal); i >= 0; i = s.IndexOf("$$", i + 2, StringComparison.Ordinal)) count++;
        return count % 2 == 1;
    }
}
