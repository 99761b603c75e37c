using Microsoft.Extensions.Logging;

namespace EjVerkstallda.Infrastructure.Tests.Mail;

/// <summary>Keeps formatted log lines so tests can check what is (not) logged.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly List<(EventId Id, string Text)> entries = [];

    public IReadOnlyList<(EventId Id, string Text)> Entries
    {
        get { lock (entries) return entries.ToList(); }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (entries)
            entries.Add((eventId, formatter(state, exception) + (exception is null ? "" : " " + exception)));
    }
}
