namespace DataSpace.Ledger.Logs;

/// <summary>The shape of a synthetic ledger.</summary>
public sealed record SyntheticLedgerOptions
{
    /// <summary>Total entries, registrations included (at least <see cref="Parties"/> + 1).</summary>
    public required ulong Entries { get; init; }

    /// <summary>Participants besides the operator; every later entry is signed by two of them.</summary>
    public required int Parties { get; init; }

    /// <summary>A checkpoint every this many entries (and one at the end).</summary>
    public ulong CheckpointInterval { get; init; } = 1000;

    /// <summary>Seed for keys and content; the same seed gives the same ledger byte for byte. Random when null.</summary>
    public int? Seed { get; init; }

    /// <summary>The log's origin (its key's name).</summary>
    public string Origin { get; init; } = "dataspace.example/ledger";
}
