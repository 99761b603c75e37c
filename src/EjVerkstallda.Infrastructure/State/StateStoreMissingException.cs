namespace EjVerkstallda.Infrastructure.State;

/// <summary>
/// The configured state store does not exist, or exists without the product's schema. Only <c>ejv init</c> (and the demo,
/// for its own store) creates one, so that a mistyped path or a command run from another folder never starts a new, empty
/// ledger. The message names the store and says how to create it.
/// </summary>
public sealed class StateStoreMissingException(string message) : Exception(message);
