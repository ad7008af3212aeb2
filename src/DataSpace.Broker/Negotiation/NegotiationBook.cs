using System.Collections.Concurrent;

namespace DataSpace.Broker.Negotiation;

/// <summary>
/// The negotiations still open at this broker. Ended ones leave the book: the ledger holds them
/// (an agreement or a termination), and lookups fall back to it.
/// </summary>
internal sealed class NegotiationBook
{
    private readonly ConcurrentDictionary<string, OpenNegotiation> _open = new(StringComparer.Ordinal);

    public OpenNegotiation GetOrAdd(string id, Func<OpenNegotiation> create) => _open.GetOrAdd(id, _ => create());

    public OpenNegotiation? Find(string id) => _open.GetValueOrDefault(id);

    public void Close(string id) => _open.TryRemove(id, out _);

    public int Count => _open.Count;
}
