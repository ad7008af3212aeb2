using DataSpace.Core.Identity;

namespace DataSpace.Ledger.Checkpoints;

/// <summary>
/// The witness of a stored cosignature names its file or blob, so it must be a participant id:
/// those hold no path separator and never start with a dot, whatever the store.
/// </summary>
internal static class CosignatureWitness
{
    /// <exception cref="ArgumentException">The witness is not a participant id.</exception>
    public static string StorageName(AcceptedCosignature cosignature)
    {
        ArgumentNullException.ThrowIfNull(cosignature);
        return ParticipantId.TryParse(cosignature.Witness, out _, out var error)
            ? cosignature.Witness
            : throw new ArgumentException($"The witness name cannot name a stored cosignature: {error}.", nameof(cosignature));
    }
}
