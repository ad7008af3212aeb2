namespace DataSpace.Core.Api;

/// <summary>Where an entry was recorded.</summary>
/// <param name="Index">Its index in the ledger.</param>
/// <param name="Type">Its type.</param>
public sealed record RecordedEntry(ulong Index, string Type);
