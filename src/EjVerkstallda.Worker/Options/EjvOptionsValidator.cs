using EjVerkstallda.Infrastructure.CaseSource;
using EjVerkstallda.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace EjVerkstallda.Worker.Options;

/// <summary>Checks every key at once and names each bad one with what to write instead.</summary>
public sealed class EjvOptionsValidator : IValidateOptions<EjvOptions>
{
    public ValidateOptionsResult Validate(string? name, EjvOptions o)
    {
        var failures = new List<string>();
        Provider(o.Source.Provider, "Ejv:Source:Provider", failures);
        Provider(o.State.Provider, "Ejv:State:Provider", failures);
        if (string.IsNullOrWhiteSpace(o.Source.ConnectionString))
            failures.Add("Ejv:Source:ConnectionString is empty; set it to the case system's read-only connection string");
        if (string.IsNullOrWhiteSpace(o.State.ConnectionString))
            failures.Add("Ejv:State:ConnectionString is empty; set it to the state store's connection string");
        ConnectionString(o.Source.Provider, o.Source.ConnectionString, "Ejv:Source:ConnectionString", failures);
        ConnectionString(o.State.Provider, o.State.ConnectionString, "Ejv:State:ConnectionString", failures);
        foreach (var relation in new[] { ("Ejv:Source:BeslutRelation", o.Source.BeslutRelation), ("Ejv:Source:InsatsRelation", o.Source.InsatsRelation) })
            if (!ViewContract.IsSafeRelationName(relation.Item2))
                failures.Add($"{relation.Item1} '{relation.Item2}' must be a plain identifier such as ejv_beslut or dbo.ejv_beslut");
        if (o.Source.CommandTimeout <= TimeSpan.Zero)
            failures.Add($"Ejv:Source:CommandTimeout must be positive, e.g. 00:10:00 (was {o.Source.CommandTimeout})");
        if (string.IsNullOrWhiteSpace(o.Output.Folder))
            failures.Add("Ejv:Output:Folder is empty; set a folder for run outputs");
        if (o.Rules.MinCellSize < 1)
            failures.Add($"Ejv:Rules:MinCellSize must be at least 1 (was {o.Rules.MinCellSize})");
        var bands = o.Rules.BandStartMonths;
        if (bands.Count > 0 && (bands[0] != 3 || bands.Zip(bands.Skip(1)).Any(p => p.Second <= p.First)))
            failures.Add($"Ejv:Rules:BandStartMonths must start at 3 and increase, e.g. [3, 6, 12, 24] (was [{string.Join(", ", bands)}])");
        if (Core.Kvartal.KommunTid.TryFind(o.Rules.TimeZone) is null)
            failures.Add($"Ejv:Rules:TimeZone '{o.Rules.TimeZone}' is not a time zone on this machine; use an IANA id, e.g. Europe/Stockholm");
        Namnder(o.Namnder, failures);
        StatistikSectionOptions.Validate(o.Statistik.InsatsNamn, "Ejv:Statistik:InsatsNamn", failures);
        for (var i = 0; i < o.Namnder.Count; i++)
            StatistikSectionOptions.Validate(o.Namnder[i].InsatsNamn, $"Ejv:Namnder:{i}:InsatsNamn", failures);
        Mail(o, failures);
        Ivo(o.Ivo, failures);
        Schedule(o, failures);
        if (o.Web.PublicUrl.Length > 0 && (!Uri.TryCreate(o.Web.PublicUrl, UriKind.Absolute, out var web) || web.Scheme is not ("https" or "http") || web.Query.Length > 0))
            failures.Add($"Ejv:Web:PublicUrl must be an absolute http(s) address without a query, e.g. https://ejv.kommun.se (was '{o.Web.PublicUrl}')");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Unreadable syntax is reported by name only: the provider's own message would repeat part of the string (a password's tail).</summary>
    private static void ConnectionString(string? provider, string? value, string key, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(value) && DbProviders.TryParse(provider, out var p) && ConnectionStrings.SyntaxError(p, value, key) is { } error)
            failures.Add(error);
    }

    private static void Mail(EjvOptions o, List<string> failures)
    {
        var m = o.Mail;
        var smtp = m.Delivery.Equals("smtp", StringComparison.OrdinalIgnoreCase);
        if (!smtp && !m.Delivery.Equals("pickup", StringComparison.OrdinalIgnoreCase))
            failures.Add($"Ejv:Mail:Delivery '{m.Delivery}' must be smtp or pickup");
        if (!smtp && string.IsNullOrWhiteSpace(m.PickupFolder))
            failures.Add("Ejv:Mail:PickupFolder is empty; set a folder for the .eml files, or Ejv:Mail:Delivery=smtp");
        if (smtp) failures.AddRange(m.Smtp.Validate());
        if (!IsAddress(m.From)) failures.Add($"Ejv:Mail:From '{m.From}' is not an e-mail address; set the sender, e.g. ejv@kommun.se");
        foreach (var a in m.Administrator.Where(a => !IsAddress(a))) failures.Add($"Ejv:Mail:Administrator '{a}' is not an e-mail address");
        if (m.Retry.Attempts is < 1 or > 20) failures.Add($"Ejv:Mail:Retry:Attempts must be 1-20 (was {m.Retry.Attempts})");
        if (m.Retry.BaseDelay < TimeSpan.Zero || m.Retry.RetryLater <= TimeSpan.Zero || m.Retry.MaxRetryLater < m.Retry.RetryLater)
            failures.Add("Ejv:Mail:Retry: BaseDelay must be >= 0, RetryLater > 0 and MaxRetryLater >= RetryLater (TimeSpan, e.g. 00:05:00)");
        for (var i = 0; i < o.Namnder.Count; i++)
        {
            var r = o.Namnder[i].Recipients;
            foreach (var (role, list) in new[] { ("Handlaggare", r.Handlaggare), ("Namnd", r.Namnd), ("Fullmaktige", r.Fullmaktige), ("Revisorer", r.Revisorer), ("Administrator", r.Administrator) })
            {
                if (list.Count == 0 && role != "Administrator")
                    failures.Add($"Ejv:Namnder:{i}:Recipients:{role} is empty; give at least one address (the report must reach this role)");
                foreach (var a in list.Where(a => !IsAddress(a)))
                    failures.Add($"Ejv:Namnder:{i}:Recipients:{role} '{a}' is not an e-mail address");
            }
            RevisorerValidation.Validate(o.Namnder[i], $"Ejv:Namnder:{i}", TimeProvider.System.GetUtcNow(), failures);
            if (o.Namnder[i].AutoApproveAfter is { } after && after <= TimeSpan.Zero)
                failures.Add($"Ejv:Namnder:{i}:AutoApproveAfter must be positive, e.g. 14.00:00:00 for fourteen days");
        }
        if (m.Administrator.Count == 0 && o.Namnder.All(n => n.Recipients.Administrator.Count == 0))
            failures.Add("Ejv:Mail:Administrator is empty; give the address that receives alerts (failed runs, undeliverable mail)");
    }

    private static void Ivo(IvoOptions ivo, List<string> failures)
    {
        if (ivo.Windows.Count is not (0 or 4))
            failures.Add($"Ejv:Ivo:Windows must list the four quarters' windows, Q1 to Q4 (has {ivo.Windows.Count})");
        for (var i = 0; i < ivo.Windows.Count; i++)
            foreach (var (name, value) in new[] { ("Opens", ivo.Windows[i].Opens), ("Closes", ivo.Windows[i].Closes) })
                if (!Core.Ivo.IvoWindow.IsValidMonthDay(value))
                    failures.Add($"Ejv:Ivo:Windows:{i}:{name} '{value}' must be a month and day, MM-DD, e.g. 04-30");
        if (ivo.RemindDaysBefore is < 0 or > 60) failures.Add($"Ejv:Ivo:RemindDaysBefore must be 0-60 (was {ivo.RemindDaysBefore})");
    }

    private static void Schedule(EjvOptions o, List<string> failures)
    {
        var s = o.Schedule;
        foreach (var (key, cron) in new[] { ("QuarterlyCron", s.QuarterlyCron), ("ReminderCron", s.ReminderCron) })
            if (!IsCron(cron))
                failures.Add($"Ejv:Schedule:{key} '{cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week), e.g. 0 0 6 * * ?");
        if (s.RunDelayDays is < 0 or > 80) failures.Add($"Ejv:Schedule:RunDelayDays must be 0-80 (was {s.RunDelayDays})");
        if (s.OutboxInterval < TimeSpan.FromSeconds(1)) failures.Add($"Ejv:Schedule:OutboxInterval must be at least 00:00:01 (was {s.OutboxInterval})");
        if (s.Clustered && o.State.Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
            failures.Add("Ejv:Schedule:Clustered needs a shared state store: set Ejv:State:Provider to postgresql or sqlserver (SQLite runs one instance)");
        if (s.HealthUrl.Length > 0 && (!Uri.TryCreate(s.HealthUrl, UriKind.Absolute, out var u) || u.Scheme != "http" || !s.HealthUrl.EndsWith('/')))
            failures.Add($"Ejv:Schedule:HealthUrl '{s.HealthUrl}' must be an http URL ending in '/', e.g. http://127.0.0.1:8787/ (empty turns it off)");
    }

    private static bool IsCron(string cron)
    {
        try
        {
            _ = new Quartz.CronExpression(cron);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool IsAddress(string? a) => Infrastructure.Mail.MailAddressRule.IsPlainAddress(a);

    private static void Provider(string value, string key, List<string> failures)
    {
        if (!DbProviders.TryParse(value, out _))
            failures.Add($"{key} '{value}' is not a provider; use sqlite, postgresql or sqlserver");
    }

    private static void Namnder(List<NamndOptions> namnder, List<string> failures)
    {
        if (namnder.Count == 0) failures.Add("Ejv:Namnder is empty; configure at least one nämnd with Id and Namn");
        for (var i = 0; i < namnder.Count; i++)
        {
            var n = namnder[i];
            var key = $"Ejv:Namnder:{i}";
            if (n.Id.Length is 0 or > 64 || !n.Id.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch is '-' or '_'))
                failures.Add($"{key}:Id '{n.Id}' must be 1-64 characters of a-z, 0-9, '-' and '_'");
            if (!string.IsNullOrWhiteSpace(n.FirstQuarter) && !Core.Kvartal.Kvartal.TryParse(n.FirstQuarter, out _))
                failures.Add($"{key}:FirstQuarter '{n.FirstQuarter}' is not a quarter; write it as YYYYQn, e.g. 2025Q4");
            if (string.IsNullOrWhiteSpace(n.Namn))
                failures.Add($"{key}:Namn is empty; write the nämnd's name as it should appear in the report");
            else if (n.Namn.Any(char.IsControl))
                failures.Add($"{key}:Namn contains a control character (a line break or tab); it goes into every subject line and file name, write it on one line");
        }
        foreach (var dup in namnder.GroupBy(n => n.Id).Where(g => g.Count() > 1))
            failures.Add($"Ejv:Namnder: the id '{dup.Key}' is used {dup.Count()} times; ids must be unique");
    }
}
