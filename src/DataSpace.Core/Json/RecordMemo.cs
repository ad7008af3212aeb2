using System.Text.Json;
using DataSpace.Core.Results;

namespace DataSpace.Core.Json;

/// <summary>
/// A JSON value read as a domain record (<see cref="DomainJson.Read{T}(JsonElement, string)"/>), kept
/// once read: a service reads the body of a ledger entry it received to check it, and the projection
/// reads the same body again when the entry is appended. The memo belongs to one content and travels
/// with it (a countersigned copy of an entry has the same body). Records are immutable.
/// </summary>
public sealed class RecordMemo
{
    private object? _record;

    /// <summary>The value read as <typeparamref name="T"/>; a read that failed is not kept.</summary>
    public Result<T> Read<T>(JsonElement value, string what)
        where T : class
    {
        if (Volatile.Read(ref _record) is T known)
        {
            return known;
        }
        var read = DomainJson.Read<T>(value, what);
        if (read.IsSuccess)
        {
            Volatile.Write(ref _record, read.Value);
        }
        return read;
    }

    /// <summary>Takes what <paramref name="other"/>, the memo of the same content, has read.</summary>
    public void Adopt(RecordMemo other)
    {
        if (Volatile.Read(ref other._record) is { } record)
        {
            Volatile.Write(ref _record, record);
        }
    }
}
