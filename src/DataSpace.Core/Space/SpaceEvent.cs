using System.Text.Json;

namespace DataSpace.Core.Space;

/// <summary>One ledger entry as the projection sees it: already decoded, its signatures verified.</summary>
/// <param name="Index">Its index in the log.</param>
/// <param name="Type">The entry type.</param>
/// <param name="Body">The entry body.</param>
/// <param name="Signers">The participant ids whose signatures it carries.</param>
public sealed record SpaceEvent(ulong Index, string Type, JsonElement Body, IReadOnlyList<string> Signers)
{
    /// <summary>True when <paramref name="participantId"/> signed the entry.</summary>
    public bool SignedBy(string participantId) => Signers.Contains(participantId, StringComparer.Ordinal);
}
