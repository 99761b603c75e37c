using EjVerkstallda.Infrastructure.Data;
using EjVerkstallda.Worker.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace EjVerkstallda.Worker.Service;

/// <summary>The service mode (<c>ejv</c> with no command): Quartz with three jobs, the single-instance guard (the pages and the health answer: <see cref="Web.WebHost"/>).</summary>
public static class ServiceSetup
{
    public static void AddEjvService(this IHostApplicationBuilder builder)
    {
        var schedule = builder.Configuration.GetSection("Ejv:Schedule").Get<ScheduleOptions>() ?? new ScheduleOptions();
        var state = builder.Configuration.GetSection("Ejv:State").Get<StateOptions>() ?? new StateOptions();
        builder.Services.AddSingleton<ServiceWork>();
        builder.Services.AddHostedService<SingleInstance>();
        builder.Services.AddQuartz(q =>
        {
            var testing = builder.Configuration.GetSection("Ejv:Testing").Get<TestingOptions>();
            if (testing?.ClockStart is { } start) q.UseTimeProvider(new ShiftedTimeProvider(start));
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "EjVerkstallda";
                o.GenerateInstanceId = true;
            });
            if (schedule.Clustered && DbProviders.TryParse(state.Provider, out var provider) && provider != DbProvider.Sqlite)
            {
                q.UsePersistentStore(s =>
                {
                    s.UseSystemTextJsonSerializer();
                    if (provider == DbProvider.PostgreSql) s.UsePostgres(state.ConnectionString);
                    else s.UseSqlServer(state.ConnectionString);
                    s.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                });
            }
            q.ScheduleJob<QuarterlyJob>(t => t.WithIdentity("quarterly").WithCronSchedule(schedule.QuarterlyCron));
            q.ScheduleJob<QuarterlyJob>(t => t.WithIdentity("quarterly-on-start").StartNow());
            q.ScheduleJob<ReminderJob>(t => t.WithIdentity("reminders").WithCronSchedule(schedule.ReminderCron));
            q.ScheduleJob<OutboxJob>(t => t.WithIdentity("outbox").WithSimpleSchedule(s => s.WithInterval(schedule.OutboxInterval).RepeatForever()));
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}
