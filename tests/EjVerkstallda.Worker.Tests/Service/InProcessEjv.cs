using System.Collections.Concurrent;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace EjVerkstallda.Worker.Tests.Service;

/// <summary>
/// The worker's parts in this process, wired as the executable wires them (<see cref="EjvServices.AddEjv"/> over the shipped
/// appsettings.json), on a real SQLite case system and state store in a folder of its own, with a <see cref="FakeTimeProvider"/>
/// as the clock: a test moves time instead of sleeping. Log lines are kept for assertions.
/// </summary>
public sealed class InProcessEjv : IAsyncDisposable
{
    private InProcessEjv(string dir, ServiceProvider services, FakeTimeProvider clock, ConcurrentQueue<string> lines)
    {
        Dir = dir;
        Services = services;
        Clock = clock;
        LogLines = lines;
    }

    public string Dir { get; }
    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock { get; }
    public ConcurrentQueue<string> LogLines { get; }
    public EjvOptions Options => Services.GetRequiredService<EjvOptions>();
    public string OutFolder => Path.Combine(Dir, "out");

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The sandbox's four beslut (<see cref="ServiceSandbox.CreateCases"/>); the state store created (as ejv init does).</summary>
    public static async Task<InProcessEjv> StartAsync(DateTimeOffset now, IDictionary<string, string?> settings)
    {
        var dir = EjvProcess.TempFolder();
        var caseDb = ServiceSandbox.CreateCases(Path.Combine(dir, "case.db"));
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Path.GetDirectoryName(EjvProcess.Dll)!, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ejv:Source:ConnectionString"] = ServiceSandbox.ConnectionStringOf(caseDb),
                ["Ejv:State:ConnectionString"] = $"Data Source={Path.Combine(dir, "state.db")};Pooling=False",
                ["Ejv:Output:Folder"] = Path.Combine(dir, "out"),
                ["Ejv:Mail:PickupFolder"] = Path.Combine(dir, "mail"),
            })
            .AddInMemoryCollection(settings)
            .Build();
        var clock = new FakeTimeProvider(now);
        var lines = new ConcurrentQueue<string>();
        var services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(new ListLoggerProvider(lines)).SetMinimumLevel(LogLevel.Debug))
            .AddEjv(config)
            .AddSingleton<TimeProvider>(clock)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false });
        await services.GetRequiredService<StateDb>().InitAsync(CancellationToken.None);
        return new InProcessEjv(dir, services, clock, lines);
    }

    /// <summary>A nämnd's settings (index <paramref name="i"/> of Ejv:Namnder) with every role's recipient set.</summary>
    public static Dictionary<string, string?> Namnd(int i, string id, params (string Key, string Value)[] extra)
    {
        var p = $"Ejv:Namnder:{i}:";
        var d = new Dictionary<string, string?>
        {
            [p + "Id"] = id, [p + "Namn"] = "Nämnd " + id,
            [p + "Recipients:Handlaggare:0"] = $"handlaggare.{id}@kommun.example",
            [p + "Recipients:Namnd:0"] = $"registrator.{id}@kommun.example",
            [p + "Recipients:Fullmaktige:0"] = "registrator.kf@kommun.example",
            [p + "Recipients:Revisorer:0"] = "revisorer@kommun.example",
        };
        foreach (var (k, v) in extra) d[p + k] = v;
        return d;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans the temp folder later
        }
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(lines);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
