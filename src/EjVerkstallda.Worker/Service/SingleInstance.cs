using EjVerkstallda.Infrastructure.Data;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.Hosting;

namespace EjVerkstallda.Worker.Service;

/// <summary>
/// With the SQLite state store only one service may run: the first holds a lock on a file beside the database for its
/// whole life; a second one refuses to start with a line that says why. Shared stores (PostgreSQL, SQL Server) allow several.
/// Registered before Quartz's hosted service, so the state store and, when clustered, Quartz's job-store tables are
/// migrated before the scheduler is created (Quartz does not create its tables and refuses to start without them). Being a
/// hosted service's start, it also comes before systemd's READY=1 (sent when every hosted service has started).
/// </summary>
public sealed class SingleInstance(StateDb db, RunLock runLock, EjvOptions options, Runs.FaultInjection faults) : IHostedService, IAsyncDisposable
{
    private IAsyncDisposable? _held;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await db.MigrateAsync(cancellationToken);
        if (db.Dialect.Provider != DbProvider.Sqlite)
        {
            if (options.Schedule.Clustered) await db.MigrateQuartzAsync(cancellationToken);
        }
        else
        {
            _held = await runLock.TryAcquireAsync("service", cancellationToken)
                ?? throw new ServiceAlreadyRunningException(
                    "another ejv service is running on this SQLite state store; with SQLite only one instance may run. Stop the other one, or use a PostgreSQL or SQL Server state store for several instances");
        }
        await faults.PointAsync(Runs.FaultInjection.ServiceStart, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_held is not null) await _held.DisposeAsync();
        _held = null;
    }
}

public sealed class ServiceAlreadyRunningException(string message) : Exception(message);
