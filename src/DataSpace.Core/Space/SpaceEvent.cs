using System.Text.Json;
using DataSpace.Core.Json;
using DataSpace.Core.Results;

namespace DataSpace.Core.Space;

/// <summary>One ledger entry as the projection sees it: already decoded, its signatures verified.</summary>
/// <param name="Index">Its index in the log.</param>
/// <param name="Type">The entry type.</param>
/// <param name="Body">The entry body.</param>
/// <param name="Signers">The participant ids whose signatures it carries.</param>
public sealed record SpaceEvent(ulong Index, string Type, JsonElement Body, IReadOnlyList<string> Signers)
{
    /// <summary>The body read as a record, shared with the ledger entry it came from (which a service may have read already).</summary>
    public RecordMemo BodyRecord { get; init; } = new();

    /// <summary>The body read strictly as the record <typeparamref name="T"/>, once per entry.</summary>
    public Result<T> ReadBody<T>(string what)
        where T : class => BodyRecord.Read<T>(Body, what);

    /// <summary>True when <paramref name="participantId"/> signed the entry.</summary>
    public bool SignedBy(string participantId) => Signers.Contains(participantId, StringComparer.Ordinal);
}
