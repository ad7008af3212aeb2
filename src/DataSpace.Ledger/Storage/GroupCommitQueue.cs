using System.Threading.Channels;

namespace DataSpace.Ledger.Storage;

/// <summary>
/// Group commit for ledger stores: appends queue up, and one loop hands them to the store's
/// commit step in batches of at most <c>maxBatch</c>, so many concurrent appends share one write
/// and one durability barrier (fsync, or one conditional append block). The commit step
/// acknowledges each append it made durable; any append it leaves unacknowledged when it
/// throws fails with the reason.
/// </summary>
/// <remarks>
/// A commit step that awaits (a network append) is looped on the thread pool. One that blocks (a
/// file write and its fsync, a millisecond or more each time) gets a thread of its own instead:
/// on the pool it would hold a worker through every batch, a worker the requests then lack, and
/// for longer whenever the disk stalls.
/// </remarks>
internal sealed class GroupCommitQueue : IAsyncDisposable
{
    private readonly Channel<PendingAppend> _queue;
    private readonly int _maxBatch;
    private readonly Task _loop;

    /// <summary>A queue whose commit step is asynchronous, looped on the thread pool.</summary>
    public GroupCommitQueue(int maxBatch, Func<List<PendingAppend>, Task> commit)
    {
        _maxBatch = maxBatch;
        _queue = Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true });
        _loop = Task.Run(() => LoopAsync(commit));
    }

    /// <summary>A queue whose commit step blocks, looped on a thread of its own named <paramref name="threadName"/>.</summary>
    public GroupCommitQueue(int maxBatch, Action<List<PendingAppend>> blockingCommit, string threadName)
    {
        _maxBatch = maxBatch;
        // The loop waits by blocking its own thread, so a write may wake it directly, not by way of a pool worker.
        _queue = Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true, AllowSynchronousContinuations = true });
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _loop = stopped.Task;
        new Thread(() => Loop(blockingCommit, stopped)) { IsBackground = true, Name = threadName }.Start();
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

    private async Task LoopAsync(Func<List<PendingAppend>, Task> commit)
    {
        var batch = new List<PendingAppend>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await CommitNextBatchAsync(batch, commit).ConfigureAwait(false);
        }
    }

    private void Loop(Action<List<PendingAppend>> commit, TaskCompletionSource stopped)
    {
        var batch = new List<PendingAppend>(_maxBatch);
        Func<List<PendingAppend>, Task> completed = b =>
        {
            commit(b);
            return Task.CompletedTask;
        };
        while (WaitToRead())
        {
            // The commit has finished when it returns, so this completes here, on this thread.
            CommitNextBatchAsync(batch, completed).GetAwaiter().GetResult();
        }
        stopped.TrySetResult();
    }

    private bool WaitToRead()
    {
        var ready = _queue.Reader.WaitToReadAsync();
        return ready.IsCompleted ? ready.Result : ready.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Takes up to <c>maxBatch</c> queued appends and commits them; if the commit throws, they fail with the reason.</summary>
    private async Task CommitNextBatchAsync(List<PendingAppend> batch, Func<List<PendingAppend>, Task> commit)
    {
        batch.Clear();
        while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var next))
        {
            batch.Add(next);
        }
        try
        {
            await commit(batch).ConfigureAwait(false);
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
