namespace EjVerkstallda.Infrastructure.CaseSource;

/// <summary>
/// The case system could not be read as the view contract requires (relation missing, column missing, connection refused).
/// Not retried by the run: the message says what the municipality's view or configuration must fix.
/// </summary>
public sealed class CaseSourceException(string message, Exception? inner = null) : Exception(message, inner);
