using DataSpace.Ledger.Storage;

namespace DataSpace.Ledger.Tests.Storage;

/// <summary>
/// The group commit with a blocking commit step (the file store's write and fsync): batches run
/// on the queue's own thread, never on a thread-pool worker; a failed batch fails exactly its
/// appends; closing waits for what is queued.
/// </summary>
public sealed class GroupCommitQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_blocking_commit_runs_on_the_queues_own_thread_and_acknowledges_every_append()
    {
        var threads = new List<(string? Name, bool Pooled)>();
        ulong next = 0;
        var queue = new GroupCommitQueue(4, batch =>
        {
            threads.Add((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));
            Thread.Sleep(5); // an fsync's worth: appends meanwhile wait for the next batch
            foreach (var pending in batch)
            {
                pending.Done.TrySetResult(next++);
            }
        }, "Test commit");

        var appends = Enumerable.Range(0, 20).Select(i => queue.Enqueue(new byte[] { (byte)i }, "test").AsTask()).ToList();
        var indexes = await Task.WhenAll(appends).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await queue.DisposeAsync();

        Assert.Equal(Enumerable.Range(0, 20).Select(i => (ulong)i), indexes.Order());
        Assert.All(threads, t => Assert.Equal(("Test commit", false), t));
        Assert.InRange(threads.Count, 5, 20); // at most four appends a batch
    }

    [Fact]
    public async Task A_failed_batch_fails_its_own_appends_and_the_next_batch_still_commits()
    {
        var release = new ManualResetEventSlim();
        var batches = 0;
        var queue = new GroupCommitQueue(8, batch =>
        {
            if (Interlocked.Increment(ref batches) == 1)
            {
                release.Wait(Ct); // hold the first batch until the second append is queued behind it
                throw new IOException("disk gone");
            }
            foreach (var pending in batch)
            {
                pending.Done.TrySetResult(7);
            }
        }, "Test commit");

        var first = queue.Enqueue(new byte[] { 1 }, "test").AsTask();
        while (Volatile.Read(ref batches) == 0)
        {
            await Task.Delay(1, Ct);
        }
        var second = queue.Enqueue(new byte[] { 2 }, "test").AsTask();
        release.Set();

        var failure = await Assert.ThrowsAsync<IOException>(() => first.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        Assert.Equal("The append was not made durable.", failure.Message);
        Assert.Equal("disk gone", failure.InnerException?.Message);
        Assert.Equal(7UL, await second.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        await queue.DisposeAsync();
    }

    [Fact]
    public async Task Closing_waits_for_queued_appends_and_then_refuses_new_ones()
    {
        var committed = 0;
        var queue = new GroupCommitQueue(2, batch =>
        {
            Thread.Sleep(2);
            foreach (var pending in batch)
            {
                pending.Done.TrySetResult((ulong)Interlocked.Increment(ref committed));
            }
        }, "Test commit");
        var appends = Enumerable.Range(0, 9).Select(i => queue.Enqueue(new byte[] { (byte)i }, "test").AsTask()).ToList();

        await queue.DisposeAsync();

        Assert.Equal(9, committed);
        Assert.All(appends, a => Assert.True(a.IsCompletedSuccessfully));
        Assert.Throws<ObjectDisposedException>(() => queue.Enqueue(new byte[] { 9 }, "test"));
    }
}
