namespace DataSpace.Crypto.Sealing;

/// <summary>How to seal a file.</summary>
public sealed record SealOptions
{
    /// <summary>Write an ASCII-armored age file instead of binary.</summary>
    public bool Armor { get; init; }

    /// <summary>Extra signed context, e.g. agreementId and transferId.</summary>
    public IReadOnlyDictionary<string, string>? Context { get; init; }

    /// <summary>Receives the plaintext bytes read so far, for progress bars.</summary>
    public Action<long>? Progress { get; init; }

    /// <summary>The clock for <c>sealedAt</c>; the system clock by default.</summary>
    public TimeProvider? Clock { get; init; }
}
