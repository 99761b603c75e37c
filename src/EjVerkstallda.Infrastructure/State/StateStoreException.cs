namespace EjVerkstallda.Infrastructure.State;

/// <summary>A state store an administrator must fix before anything runs; its message is the one line shown.</summary>
public abstract class StateStoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The configured state store does not exist, or exists without the product's schema. Only <c>ejv init</c> (and the demo,
/// for its own store) creates one, so that a mistyped path or a command run from another folder never starts a new, empty
/// ledger. The message names the store and says how to create it.
/// </summary>
public sealed class StateStoreMissingException(string message) : StateStoreException(message);

/// <summary>A migration script failed; nothing of it was kept (each script runs in its own transaction). Names the script.</summary>
public sealed class MigrationFailedException(string script, Exception? inner)
    : StateStoreException($"migration {script} failed and was rolled back: {inner?.Message ?? "unknown error"}", inner)
{
    public string Script { get; } = script;
}
