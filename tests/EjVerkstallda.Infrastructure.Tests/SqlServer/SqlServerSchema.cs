using EjVerkstallda.Infrastructure.Data;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace EjVerkstallda.Infrastructure.Tests.SqlServer;

/// <summary>
/// The SQL Server state store's text columns and their widths after every embedded migration, read with Microsoft's own
/// T-SQL parser (CREATE TABLE, ALTER TABLE ... ADD and ALTER COLUMN). SQL Server cannot run here; this is how a test knows
/// what it would refuse to store. A width of <see cref="Max"/> is NVARCHAR(MAX).
/// </summary>
public static class SqlServerSchema
{
    public const int Max = int.MaxValue;

    /// <summary>Parses T-SQL with the SQL Server 2022 (160) grammar; the errors, empty when the text is valid syntax.</summary>
    public static (TSqlFragment? Tree, IList<ParseError> Errors) Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var tree = parser.Parse(reader, out var errors);
        return (tree, errors);
    }

    /// <summary>"table.column" → its character width, for every NVARCHAR/VARCHAR/NCHAR/CHAR column of the state scripts.</summary>
    public static IReadOnlyDictionary<string, int> StateTextWidths()
    {
        var widths = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var script in SqlScripts.List("sqlserver/state"))
        {
            var (tree, errors) = Parse(SqlScripts.Read(script));
            if (errors.Count > 0) throw new InvalidOperationException($"{script}: {errors[0].Message}");
            tree!.Accept(new WidthVisitor(widths));
        }
        return widths;
    }

    private sealed class WidthVisitor(Dictionary<string, int> widths) : TSqlFragmentVisitor
    {
        public override void Visit(CreateTableStatement node) => AddAll(node.SchemaObjectName, node.Definition.ColumnDefinitions);

        public override void Visit(AlterTableAddTableElementStatement node) => AddAll(node.SchemaObjectName, node.Definition.ColumnDefinitions);

        public override void Visit(AlterTableAlterColumnStatement node) => Add(node.SchemaObjectName, node.ColumnIdentifier, node.DataType);

        private void AddAll(SchemaObjectName table, IEnumerable<ColumnDefinition> columns)
        {
            foreach (var c in columns) Add(table, c.ColumnIdentifier, c.DataType);
        }

        private void Add(SchemaObjectName table, Identifier column, DataTypeReference? type)
        {
            if (type is not SqlDataTypeReference { SqlDataTypeOption: SqlDataTypeOption.NVarChar or SqlDataTypeOption.VarChar or SqlDataTypeOption.NChar or SqlDataTypeOption.Char } text) return;
            var width = text.Parameters.Count == 0 ? 1 : text.Parameters[0] is MaxLiteral ? Max : int.Parse(text.Parameters[0].Value, System.Globalization.CultureInfo.InvariantCulture);
            widths[$"{table.BaseIdentifier.Value}.{column.Value}"] = width;
        }
    }
}
