using System.Threading.Channels;

namespace DataSpace.Ledger.Storage;

/// <summary>
/// Group commit for ledger stores: appends queue up, and one loop hands them to the store's
/// commit step in batches of at most <c>maxBatch</c>, so many concurrent appends share one write
/// and one durability barrier (fsync, or one conditional append block). The commit step
/// acknowledges each append it made durable; any append it leaves unacknowledged when it
/// throws fails with the reason.
/// </summary>
internal sealed class GroupCommitQueue : IAsyncDisposable
{
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true });
    private readonly int _maxBatch;
    private readonly Func<List<PendingAppend>, Task> _commit;
    private readonly Task _loop;

    public GroupCommitQueue(int maxBatch, Func<List<PendingAppend>, Task> commit)
    {
        _maxBatch = maxBatch;
        _commit = commit;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Queues a leaf; the task completes with its index once it is durable.</summary>
    public ValueTask<ulong> Enqueue(ReadOnlyMemory<byte> leaf, string storeName)
    {
        var pending = new PendingAppend(leaf.ToArray(), new TaskCompletionSource<ulong>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(storeName);
        }
        return new ValueTask<ulong>(pending.Done.Task);
    }

    /// <summary>Stops taking appends and waits until every queued one is committed or failed.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task LoopAsync()
    {
        var batch = new List<PendingAppend>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            try
            {
                await _commit(batch).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(new IOException("The append was not made durable.", e));
                }
            }
        }
    }
}
