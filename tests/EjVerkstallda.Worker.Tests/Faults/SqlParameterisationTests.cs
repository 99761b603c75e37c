using System.Text.RegularExpressions;

namespace EjVerkstallda.Worker.Tests.Faults;

/// <summary>
/// Every SQL statement in src is parameterised. The only text spliced into SQL may be identifiers the product controls
/// (validated relation names, table and column constants) and fragments from the dialect seam; a hole holding anything
/// else — a value from the case system, the configuration or the user — fails this test.
/// </summary>
[TestFixture]
public sealed partial class SqlParameterisationTests
{
    private static string Src => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src"));

    /// <summary>Expressions allowed inside an interpolated SQL string, each a product-controlled identifier or fragment.</summary>
    private static readonly string[] Allowed =
    [
        "options.BeslutRelation", "options.InsatsRelation", "relation", "select", "table", "JournalTable", "MigrationRunner.JournalTable", "keyColumn", "keyParameter",
        "columns", "values", "idColumn", "selectBody", "n", "column", "parameter", "NamndPredicate(namndFilter)", "CandidatePredicate()", "predicate", "idPredicate",
        "malformed", "LedgerRowColumns", "_dialect.InList(\"beslut_id\", \"ids\")", "string.Join(\", \", columns)", "name", "namnd is null ? \"\" : \" AND namnd_id = @namnd\"",
    ];

    [GeneratedRegex(@"\$""(?:""""|[^""])*(?:SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|WHERE)\b(?:""""|[^""])*""|\$""""""[\s\S]*?""""""", RegexOptions.IgnoreCase)]
    private static partial Regex InterpolatedSql();

    [GeneratedRegex(@"(?<!\{)\{(?!\{)([^{}:]+?)(?::[^{}]*)?\}(?!\})")]
    private static partial Regex Hole();

    [Test]
    public void InterpolatedSql_InSrc_SplicesOnlyProductControlledIdentifiers()
    {
        var offenders = new List<string>();
        var files = Directory.GetFiles(Src, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/") && !f.Contains("/bin/")).ToList();
        Assert.That(files, Is.Not.Empty);
        var checkedStrings = 0;
        foreach (var file in files)
        {
            foreach (Match sql in InterpolatedSql().Matches(File.ReadAllText(file)))
            {
                if (!Regex.IsMatch(sql.Value, @"\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b", RegexOptions.IgnoreCase)) continue;
                checkedStrings++;
                foreach (Match hole in Hole().Matches(sql.Value))
                {
                    var expr = hole.Groups[1].Value.Trim();
                    if (!Allowed.Contains(expr)) offenders.Add($"{Path.GetFileName(file)}: {{{expr}}}");
                }
            }
        }
        Assert.That(checkedStrings, Is.GreaterThan(5), "the scan found the SQL it is meant to check");
        Assert.That(offenders, Is.Empty, "values must be parameters (@name), not spliced into SQL");
    }

    [Test]
    public void Scanner_StringBuiltSql_IsCaught()
    {
        const string planted = "var sql = $\"SELECT * FROM ejv_report WHERE beslut_id = '{beslutId}'\";";
        var holes = InterpolatedSql().Matches(planted).SelectMany(m => Hole().Matches(m.Value)).Select(h => h.Groups[1].Value).ToList();
        Assert.That(holes, Is.EqualTo(new[] { "beslutId" }));
        Assert.That(Allowed, Does.Not.Contain("beslutId"));
    }
}
