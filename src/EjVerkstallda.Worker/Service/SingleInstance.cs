using EjVerkstallda.Infrastructure.Data;
using EjVerkstallda.Infrastructure.State;
using Microsoft.Extensions.Hosting;

namespace EjVerkstallda.Worker.Service;

/// <summary>
/// With the SQLite state store only one service may run: the first holds a lock on a file beside the database for its
/// whole life; a second one refuses to start with a line that says why. Shared stores (PostgreSQL, SQL Server) allow several.
/// </summary>
public sealed class SingleInstance(StateDb db, RunLock runLock) : IHostedService, IAsyncDisposable
{
    private IAsyncDisposable? _held;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await db.MigrateAsync(cancellationToken);
        if (db.Dialect.Provider != DbProvider.Sqlite) return;
        _held = await runLock.TryAcquireAsync("service", cancellationToken)
            ?? throw new ServiceAlreadyRunningException(
                "another ejv service is running on this SQLite state store; with SQLite only one instance may run. Stop the other one, or use a PostgreSQL or SQL Server state store for several instances");
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_held is not null) await _held.DisposeAsync();
        _held = null;
    }
}

public sealed class ServiceAlreadyRunningException(string message) : Exception(message);
