namespace DataSpace.Broker.Identity;

/// <summary>
/// The client assertion ids (<c>jti</c>) already used, each kept until its assertion could no
/// longer be accepted anyway (RFC 7523 §3 item 7: "the authorization server MAY ensure that JWTs
/// are not replayed by maintaining the set of used jti values for the length of time for which
/// the JWT would be considered valid"). Ids are scoped by issuer, so no participant can spend
/// another's. Memory is bounded: when <c>capacity</c> live ids are held the cache refuses new
/// ones (fail closed) until some expire; expired ids are dropped, oldest first, on every call.
/// </summary>
internal sealed class AssertionReplayCache(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Issuer, string Id), DateTimeOffset> _seen = [];
    private readonly PriorityQueue<(string Issuer, string Id), DateTimeOffset> _expiries = new();

    /// <summary>Records the id until <paramref name="keepUntil"/>; says whether it was new.</summary>
    public ReplayCheck TryRecord(string issuer, string id, DateTimeOffset keepUntil, DateTimeOffset now)
    {
        lock (_lock)
        {
            while (_expiries.TryPeek(out var oldest, out var expiry) && expiry <= now)
            {
                _expiries.Dequeue();
                _seen.Remove(oldest);
            }
            if (_seen.ContainsKey((issuer, id)))
            {
                return ReplayCheck.Replayed;
            }
            if (_seen.Count >= capacity)
            {
                return ReplayCheck.Full;
            }
            _seen.Add((issuer, id), keepUntil);
            _expiries.Enqueue((issuer, id), keepUntil);
            return ReplayCheck.New;
        }
    }
}
