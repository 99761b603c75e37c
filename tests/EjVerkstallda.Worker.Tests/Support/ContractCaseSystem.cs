using Microsoft.Data.Sqlite;

namespace EjVerkstallda.Worker.Tests.Support;

/// <summary>
/// A case system built straight from CONTRACT.md: <c>ejv_beslut</c> and <c>ejv_insats</c> as plain tables with exactly the
/// contract's columns, SQLite types (TEXT dates, INTEGER 0/1 booleans). Rows are written as SQL value lists.
/// </summary>
public sealed class ContractCaseSystem
{
    public ContractCaseSystem(string path)
    {
        Path = path;
        Execute("""
            CREATE TABLE ejv_insats (insats_kod TEXT NOT NULL, benamning TEXT NOT NULL, lag TEXT NOT NULL, lagrum TEXT NOT NULL);
            CREATE TABLE ejv_beslut (
                beslut_id TEXT, person_id TEXT, insats_kod TEXT, beslutsdatum TEXT, verkstallighetsdatum TEXT, avbrottsdatum TEXT,
                aterupptagandedatum TEXT, avslutsdatum TEXT, avslutsorsak TEXT, erbjudandedatum TEXT, tackat_nej INTEGER,
                fodelsedatum TEXT, kon TEXT, skyddad_identitet INTEGER, enhet TEXT, skal TEXT);
            INSERT INTO ejv_insats VALUES
                ('SABO', 'Särskilt boende', 'SoL', 'bistand'),
                ('EKB', 'Ekonomiskt bistånd', 'SoL', 'ekonomiskt_bistand'),
                ('UTO', 'Hemtjänst utöver', 'SoL', 'utover'),
                ('L4', 'Kontaktperson', 'LSS', '9.4'),
                ('L9', 'Bostad med särskild service för vuxna', 'LSS', '9.9');
            """);
    }

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path};Mode=ReadOnly;Pooling=False";

    /// <summary>Adds a row; columns not named are NULL.</summary>
    public ContractCaseSystem Add(string beslutId, string personId, string kod, string? beslut, string? verk = null, string? avbrott = null,
        string? ater = null, string? avslut = null, string? orsak = null, string? erbjudande = null, int? tackatNej = null,
        string? fodd = "1950-01-01", string? kon = "K", int? skyddad = 0, string? enhet = "Enheten", string? skal = null)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            INSERT INTO ejv_beslut VALUES ($id, $p, $k, $b, $v, $av, $at, $as, $o, $e, $t, $f, $kon, $s, $en, $sk)
            """;
        object V(object? x) => x ?? DBNull.Value;
        cmd.Parameters.AddWithValue("$id", V(beslutId)); cmd.Parameters.AddWithValue("$p", V(personId)); cmd.Parameters.AddWithValue("$k", V(kod));
        cmd.Parameters.AddWithValue("$b", V(beslut)); cmd.Parameters.AddWithValue("$v", V(verk)); cmd.Parameters.AddWithValue("$av", V(avbrott));
        cmd.Parameters.AddWithValue("$at", V(ater)); cmd.Parameters.AddWithValue("$as", V(avslut)); cmd.Parameters.AddWithValue("$o", V(orsak));
        cmd.Parameters.AddWithValue("$e", V(erbjudande)); cmd.Parameters.AddWithValue("$t", V(tackatNej)); cmd.Parameters.AddWithValue("$f", V(fodd));
        cmd.Parameters.AddWithValue("$kon", V(kon)); cmd.Parameters.AddWithValue("$s", V(skyddad)); cmd.Parameters.AddWithValue("$en", V(enhet));
        cmd.Parameters.AddWithValue("$sk", V(skal));
        cmd.ExecuteNonQuery();
        return this;
    }

    /// <summary>Adds a row from column values as they are (any type, so a test can put text in an INTEGER column); columns not named are NULL.</summary>
    public ContractCaseSystem AddRow(IReadOnlyDictionary<string, object?> values)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        var columns = values.Keys.ToList();
        cmd.CommandText = $"INSERT INTO ejv_beslut ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$v" + i))})";
        for (var i = 0; i < columns.Count; i++) cmd.Parameters.AddWithValue("$v" + i, values[columns[i]] ?? DBNull.Value);
        cmd.ExecuteNonQuery();
        return this;
    }

    public void Execute(string sql)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection($"Data Source={Path};Pooling=False");
        c.Open();
        return c;
    }
}
