using EjVerkstallda.Core.Kvartal;
using EjVerkstallda.Worker.Commands;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Web.Auth;
using Microsoft.Extensions.Hosting;

namespace EjVerkstallda.Worker.Web;

/// <summary>
/// <c>ejv demo --serve</c>: after the demo has run, serves the pages on loopback (never another address) and prints a
/// one-time sign-in link that opens the demo quarter's IVO checklist. No scheduler runs; Ctrl+C stops it.
/// </summary>
public static class DemoServe
{
    /// <summary>Before the demo runs: the pages go on a loopback address or not at all.</summary>
    public static Uri Check(IHost host)
    {
        var urls = host.Services.GetRequiredService<WebUrls>();
        return urls.Pages is { } pages && WebUrls.IsLoopback(pages)
            ? pages
            : throw new UsageException($"ejv demo --serve serves only on a loopback address; Ejv:Web:Url is '{urls.Pages}'");
    }

    public static async Task<int> RunAsync(CommandLine cli, IHost host, CancellationToken ct)
    {
        var sp = host.Services;
        var pages = Check(host);
        var clock = sp.GetRequiredService<TimeProvider>();
        var quarter = RunCommand.ParseQuarter(cli.Single("--quarter"), required: false)
            ?? Kvartal.LastCompletedBefore(sp.GetRequiredService<KommunTid>().Today(clock));
        var namnd = sp.GetRequiredService<EjvOptions>().Namnder[0].Id;
        await Service.ServiceHost.StartAsync(host, ct);
        var token = sp.GetRequiredService<DemoSignIn>().Issue(clock);
        var link = new Uri(pages, $"demo/logga-in?t={token}&till=/namnd/{namnd}/kvartal/{quarter}/ivo");
        Console.Out.WriteLine();
        Console.Out.WriteLine($"Web pages: {pages}  (loopback only; Ctrl+C stops)");
        Console.Out.WriteLine($"Sign in (the link works once, within {DemoSignIn.Lifetime.TotalMinutes:0} minutes, from this machine):");
        Console.Out.WriteLine($"  {link}");
        await host.WaitForShutdownAsync(ct);
        return EjvProgram.Ok;
    }
}
