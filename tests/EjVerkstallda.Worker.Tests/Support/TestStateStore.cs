using EjVerkstallda.Infrastructure.Data;
using EjVerkstallda.Infrastructure.State;

namespace EjVerkstallda.Worker.Tests.Support;

/// <summary>
/// What <c>ejv init</c> does, in-process (a second process per test would cost seconds): only init creates a state store,
/// every other command refuses a missing one, so a test that starts from an empty folder creates its store with this first.
/// </summary>
public static class TestStateStore
{
    public static void InitSqlite(string path) => Init(DbProvider.Sqlite, $"Data Source={path};Pooling=False");

    /// <summary>For fixtures that configure a folder of their own per installation: the folder's store, created on first use.</summary>
    public static void InitSqliteOnce(string path)
    {
        if (File.Exists(path)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        InitSqlite(path);
    }

    public static void Init(DbProvider provider, string connectionString) =>
        new StateDb(SqlDialect.For(provider), connectionString).InitAsync(CancellationToken.None).GetAwaiter().GetResult();
}
