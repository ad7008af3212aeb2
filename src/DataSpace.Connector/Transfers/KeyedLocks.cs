namespace DataSpace.Connector.Transfers;

/// <summary>One asynchronous lock per key (a transfer id): the steps of one transfer never interleave, different transfers never wait for each other.</summary>
internal sealed class KeyedLocks
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>Waits for the key's lock; dispose the result to release it.</summary>
    public async Task<IDisposable> LockAsync(string key, CancellationToken cancellationToken)
    {
        SemaphoreSlim semaphore;
        lock (_gate)
        {
            if (!_locks.TryGetValue(key, out semaphore!))
            {
                _locks[key] = semaphore = new SemaphoreSlim(1, 1);
            }
        }
        await semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(semaphore);
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
