using System.Collections.Concurrent;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// The content streams moving right now, by side and transfer id, so that a suspension can stop the
/// one it pauses: the provider's send (cut, so the consumer never takes it for whole) or the
/// consumer's receive (nothing of it is kept).
/// </summary>
internal sealed class InFlightTransfers
{
    private readonly ConcurrentDictionary<string, Lease> _streams = new(StringComparer.Ordinal);

    /// <summary>Registers a stream and how to stop it (the provider aborts its connection, the consumer cancels its reading). Dispose to unregister.</summary>
    public Lease Register(TransferSide side, string transferId, Action stop)
    {
        var key = Key(side, transferId);
        var lease = new Lease(this, key, stop);
        _streams[key] = lease;
        return lease;
    }

    /// <summary>Stops the stream of <paramref name="transferId"/> on <paramref name="side"/>, if one is moving.</summary>
    public void Stop(TransferSide side, string transferId)
    {
        if (_streams.TryGetValue(Key(side, transferId), out var lease))
        {
            lease.Suspend();
        }
    }

    private static string Key(TransferSide side, string transferId) => $"{side}/{transferId}";

    /// <summary>One registered stream.</summary>
    internal sealed class Lease(InFlightTransfers owner, string key, Action stop) : IDisposable
    {
        private int _suspended;

        /// <summary>True once a suspension stopped the stream (whatever else then broke off).</summary>
        public bool Suspended => Volatile.Read(ref _suspended) == 1;

        internal void Suspend()
        {
            if (Interlocked.Exchange(ref _suspended, 1) == 0)
            {
                try
                {
                    stop();
                }
                catch (ObjectDisposedException)
                {
                    // The stream ended as it was being suspended: nothing left to stop.
                }
            }
        }

        public void Dispose() => owner._streams.TryRemove(new KeyValuePair<string, Lease>(key, this));
    }
}

/// <summary>Which side of a transfer this connector is on.</summary>
internal enum TransferSide
{
    /// <summary>It sends the data.</summary>
    Provider,

    /// <summary>It receives the data.</summary>
    Consumer,
}
