using EjVerkstallda.Infrastructure.CaseSource;
using EjVerkstallda.Infrastructure.Data;
using EjVerkstallda.Infrastructure.Mail;
using EjVerkstallda.Infrastructure.Outbox;
using EjVerkstallda.Infrastructure.State;
using EjVerkstallda.Worker.Delivery;
using EjVerkstallda.Worker.Options;
using EjVerkstallda.Worker.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EjVerkstallda.Worker;

/// <summary>Registers the worker's parts. Options are validated when first read (commands) and on start (service).</summary>
public static class EjvServices
{
    public static IServiceCollection AddEjv(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EjvOptions>().Bind(configuration.GetSection(EjvOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EjvOptions>, EjvOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EjvOptions>>().Value);
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<EjvOptions>().Testing.ClockStart is { } start ? new ShiftedTimeProvider(start) : TimeProvider.System);
        services.AddSingleton<FaultInjection>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<EjvOptions>().State;
            return new StateDb(SqlDialect.For(DbProviders.Parse(o.Provider, "Ejv:State:Provider")), o.ConnectionString);
        });
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<EjvOptions>();
            return new CaseSourceReader(o.Source, Core.Kvartal.KommunTid.TryFind(o.Rules.TimeZone)
                ?? throw new InvalidOperationException($"Ejv:Rules:TimeZone '{o.Rules.TimeZone}' is not a time zone on this machine; use an IANA id such as Europe/Stockholm"));
        });
        services.AddSingleton<LedgerStore>();
        services.AddSingleton<IvoIdStore>();
        services.AddSingleton<RunLog>();
        services.AddSingleton<RunLock>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<ApprovalStore>();
        services.AddSingleton<DeliveryPlanner>();
        services.AddSingleton<QuarterApprover>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<QuarterlyRunner>();
        services.AddMail();
        return services;
    }

    private static void AddMail(this IServiceCollection services)
    {
        // One MSAL app for the process: its token cache reuses a token until shortly before it expires.
        services.AddSingleton<IAccessTokenSource>(sp => new MsalAccessTokenSource(sp.GetRequiredService<EjvOptions>().Mail.Smtp.OAuth2));
        services.AddSingleton<IMailSender>(sp =>
        {
            var mail = sp.GetRequiredService<EjvOptions>().Mail;
            if (!mail.Delivery.Equals("smtp", StringComparison.OrdinalIgnoreCase))
                return new PickupFolderMailSender(Path.GetFullPath(mail.PickupFolder), sp.GetRequiredService<ILogger<PickupFolderMailSender>>());
            var tokens = mail.Smtp.Auth == SmtpAuth.OAuth2 ? sp.GetRequiredService<IAccessTokenSource>() : null;
            return new SmtpMailSender(mail.Smtp, sp.GetRequiredService<ILogger<SmtpMailSender>>(), tokens);
        });
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<EjvOptions>().Mail;
            var planner = sp.GetRequiredService<DeliveryPlanner>();
            return new OutboxDispatcher(
                sp.GetRequiredService<OutboxStore>(),
                sp.GetRequiredService<IMailSender>(),
                MailResilience.CreatePipeline(Math.Max(0, o.Retry.Attempts - 1), o.Retry.BaseDelay, sp.GetRequiredService<ILogger<OutboxDispatcher>>()),
                new OutboxDispatchOptions
                {
                    From = o.From,
                    RetryLater = o.Retry.RetryLater,
                    MaxRetryLater = o.Retry.MaxRetryLater,
                    AlertFor = planner.AlertForFailedMessage,
                    Lease = o.Lease,
                    BeforeSend = (_, ct) => sp.GetRequiredService<FaultInjection>().PointAsync(FaultInjection.BeforeSend, ct),
                    AfterSend = (_, ct) => sp.GetRequiredService<FaultInjection>().PointAsync(FaultInjection.AfterSend, ct),
                },
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<OutboxDispatcher>>());
        });
    }
}
