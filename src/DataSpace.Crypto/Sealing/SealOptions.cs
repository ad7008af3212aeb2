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

    /// <summary>
    /// The plaintext's digest when the caller already has it: it goes into the manifest unhashed,
    /// so a plaintext changed since it was hashed reaches the recipient as a digest mismatch, never
    /// as a manifest vouching for the changed bytes. Null: the plaintext is hashed while sealed.
    /// </summary>
    public KnownPlaintext? KnownPlaintext { get; init; }

    /// <summary>The clock for <c>sealedAt</c>; the system clock by default.</summary>
    public TimeProvider? Clock { get; init; }
}
