using System.Data.Common;
using EjVerkstallda.Infrastructure.CaseSource;
using EjVerkstallda.Worker.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using EjVerkstallda.Worker.Service;
using Serilog;

namespace EjVerkstallda.Worker;

/// <summary>Entry point: parses the command line, builds the host, runs one command or the service.</summary>
public static class EjvProgram
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static async Task<int> MainAsync(string[] args)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        string? command = null;
        try
        {
            var cli = CommandLine.Parse(args);
            command = cli.Command;
            if (cli.Command is "help" || cli.Has("--help")) { Console.Out.Write(Help.Text); return Ok; }
            using var host = Build(cli);
            return await Dispatcher.RunAsync(cli, host, cts.Token);
        }
        catch (Exception ex) when (Describe(ex) is { Length: > 0 } line)
        {
            Console.Error.WriteLine($"ejv: {line}");
            Logging.FileLog.CommandFailed(command, line, ex is UsageException);
            return ex is UsageException ? Usage : Failed;
        }
        finally
        {
            Logging.FileLog.Stop();
        }
    }

    public static IHost Build(CommandLine cli)
    {
        if (cli.Command is null) Service.PlatformHosting.UseServiceWorkingFolder();
        var web = ServesPages(cli);
        IHostApplicationBuilder builder = web
            ? Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(new Microsoft.AspNetCore.Builder.WebApplicationOptions
            {
                Args = cli.ConfigArgs,
                ContentRootPath = AppContext.BaseDirectory,
            })
            : Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                Args = cli.ConfigArgs,
                ContentRootPath = AppContext.BaseDirectory,
            });
        if (cli.Single(CommandLine.SettingsOption) is { } settings) AddSettingsFile(builder.Configuration, settings);
        if (cli.Command == "demo") builder.Configuration.AddInMemoryCollection(DemoCommand.Configuration(cli));
        builder.Logging.ClearProviders();
        builder.Logging.AddConsoleLogging();
        if (cli.Command is not null) builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        if (Logging.FileLog.Start(builder.Configuration) is { } fileLog) builder.Logging.AddSerilog(fileLog, dispose: false);
        builder.Services.AddEjv(builder.Configuration);
        if (cli.Command is null)
        {
            Service.ServiceSetup.AddEjvService(builder);
            builder.AddPlatformHosting();
        }
        IHost host;
        if (builder is Microsoft.AspNetCore.Builder.WebApplicationBuilder w)
        {
            Web.WebHost.AddEjvWeb(w, demo: cli.Command == "demo");
            var app = w.Build();
            Web.WebHost.MapEjvWeb(app);
            host = app;
        }
        else
        {
            host = ((HostApplicationBuilder)builder).Build();
        }
        ConfigurationKeys.Warn(builder.Configuration, host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConfigurationKeys)));
        return host;
    }

    /// <summary>The service, and <c>ejv demo --serve</c>, serve the web pages; every other command builds a plain host.</summary>
    public static bool ServesPages(CommandLine cli) => cli.Command is null || (cli.Command == "demo" && cli.Has("--serve"));

    /// <summary>
    /// Failures an operator fixes (configuration, unreachable or wrongly shaped database, files): logged as one line with the
    /// reason. Anything else is a defect and is logged with its exception.
    /// </summary>
    public static bool IsOperational(Exception ex) =>
        ex is UsageException or OptionsValidationException or CaseSourceException or DbException or IOException or UnauthorizedAccessException
            or OperationCanceledException or Infrastructure.State.RunBusyException or Infrastructure.State.StateStoreException or Delivery.AnonymityGuardException
        || ex.InnerException is DbException;

    /// <summary>Puts a settings file right after the appsettings files, so environment variables and the command line still win.</summary>
    private static void AddSettingsFile(IConfigurationManager configuration, string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new UsageException($"--settings: {full} does not exist");
        var sources = (IList<IConfigurationSource>)((IConfigurationBuilder)configuration).Sources;
        var lastJson = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is Microsoft.Extensions.Configuration.Json.JsonConfigurationSource).i;
        var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = full, Optional = false, ReloadOnChange = false };
        source.ResolveFileProvider();
        sources.Insert(lastJson + 1, source);
    }

    /// <summary>The one line shown for an error a user or administrator can act on; null lets the exception surface.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        UsageException u => u.Message,
        Service.ServiceAlreadyRunningException s => s.Message,
        Service.ServiceFaultException s => s.Message,
        OptionsValidationException o => "configuration: " + string.Join("; ", o.Failures),
        Infrastructure.State.StateStoreException m => "state store: " + m.Message,
        CaseSourceException c => "case source: " + c.Message,
        DbException d => $"state store: {d.Message} (check Ejv:State:ConnectionString and that the database is reachable)",
        InvalidOperationException i when i.InnerException is DbException d => $"state store: {d.Message} (check Ejv:State:ConnectionString)",
        Infrastructure.State.RunBusyException b => b.Message,
        Delivery.AnonymityGuardException g => g.Message,
        FormatException f => f.Message,
        ArgumentException a => a.Message,
        IOException io => "file: " + io.Message,
        UnauthorizedAccessException ua => "file access: " + ua.Message,
        OperationCanceledException => "cancelled",
        _ => $"unexpected {ex.GetType().Name}: {ex.Message}",
    };
}
