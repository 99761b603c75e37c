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
        // The kommun's calendar (Ejv:Rules:TimeZone, validated at start): every "today" of the product.
        services.AddSingleton(sp => Core.Kvartal.KommunTid.TryFind(sp.GetRequiredService<EjvOptions>().Rules.TimeZone)
            ?? throw new OptionsValidationException(EjvOptions.Section, typeof(EjvOptions), ["Ejv:Rules:TimeZone is not a time zone on this machine"]));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<EjvOptions>().State;
            return new StateDb(SqlDialect.For(DbProviders.Parse(o.Provider, "Ejv:State:Provider")), o.ConnectionString);
        });
        services.AddSingleton(sp => new CaseSourceReader(sp.GetRequiredService<EjvOptions>().Source, sp.GetRequiredService<Core.Kvartal.KommunTid>()));
        services.AddSingleton<LedgerStore>();
        services.AddSingleton<IvoIdStore>();
        services.AddSingleton<RunLog>();
        services.AddSingleton<RunLock>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<LifecycleStore>();
        services.AddSingleton<AuditStore>();
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<Infrastructure.Evidence.EvidenceReader>();
        services.AddSingleton<RunOutputs>();
        services.AddSingleton<PublishedKonReader>();
        services.AddSingleton<DeliveryPlanner>();
        services.AddSingleton<Lifecycle.QuarterLifecycleService>();
        services.AddSingleton<IRevisorChannel, RevisorChannel>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<QuarterlyRunner>();
        services.AddSingleton<CaseJudge>();
        services.AddSingleton<ImportStore>();
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
