namespace DataSpace.Connector.Usage;

/// <summary>
/// One gate per agreement: uses are counted across every transfer received under an agreement
/// (its <c>maxUses</c> bounds them all), so two reads under one agreement never both see the same
/// count. Taken before <see cref="Received.ReceivedIndex.LockAsync"/>, never after it, so the two
/// cannot deadlock.
/// </summary>
internal sealed class AgreementGates
{
    private readonly Lock _gatesLock = new();
    private readonly Dictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the agreement's gate; dispose the result to leave.</summary>
    public async Task<IDisposable> EnterAsync(string agreementId, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate;
        lock (_gatesLock)
        {
            if (!_gates.TryGetValue(agreementId, out gate!))
            {
                _gates[agreementId] = gate = new SemaphoreSlim(1, 1);
            }
        }
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Exit(gate);
    }

    private sealed class Exit(SemaphoreSlim gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
