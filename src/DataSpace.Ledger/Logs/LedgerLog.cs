using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Entries;
using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Notes;
using DataSpace.Ledger.Proofs;
using DataSpace.Ledger.Storage;

namespace DataSpace.Ledger.Logs;

/// <summary>
/// The signed ledger: entries checked against the participants registered in the log itself,
/// appended durably to an <see cref="ILedgerStore"/>, with signed C2SP checkpoints every
/// <see cref="LedgerLogOptions.CheckpointInterval"/> entries and on demand, inclusion and
/// consistency proofs (RFC 9162 §2.1.3–2.1.4) and offline receipts (c2sp.org/tlog-proof).
/// </summary>
/// <remarks>
/// An append runs: (1) decode and resolve signer keys; (2) verify signatures — concurrently with
/// other appends; (3) under a lock, in log order, the order-dependent checks and domain rules
/// (<see cref="IEntryRule"/>), then queue the leaf; (4) wait until the store made it durable;
/// (5) sign a checkpoint when the size reaches a multiple of the interval. A failure of the
/// store after step 3 leaves the state ahead of the disk, so the log then refuses everything
/// until it is reopened (and rebuilt from what is durable).
/// </remarks>
public sealed class LedgerLog : IAsyncDisposable
{
    private readonly ILedgerStore _store;
    private readonly ICheckpointStore _checkpoints;
    private readonly EntryAdmission _admission;
    private readonly NoteSigner _noteSigner;
    private readonly ulong _interval;
    private readonly Lock _order = new();
    private readonly SemaphoreSlim _checkpointGate = new(1, 1);
    private ulong _next;
    private SignedCheckpoint? _latest;
    private Exception? _fault;

    private LedgerLog(ILedgerStore store, ICheckpointStore checkpoints, LedgerLogOptions options, EntryAdmission admission, SignedCheckpoint? latest)
    {
        _store = store;
        _checkpoints = checkpoints;
        _admission = admission;
        _interval = Math.Max(1, options.CheckpointInterval);
        _latest = latest;
        _next = store.Size;
        LogKey = options.LogKey.PublicKey;
        _noteSigner = LogKeys.ToNoteSigner(options.LogKey);
    }

    /// <summary>The log's identity: its key's name, the origin line of its checkpoints.</summary>
    public string Origin => LogKey.Name;

    /// <summary>The log's public key, which verifies its checkpoints.</summary>
    public Ed25519PublicKey LogKey { get; }

    /// <summary>The operator's key, which countersigns registrations.</summary>
    public Ed25519PublicKey Operator => _admission.Operator!;

    /// <summary>Number of durable entries.</summary>
    public ulong Size => _store.Size;

    /// <summary>The participants registered so far.</summary>
    public ParticipantRegistry Participants => _admission.Participants;

    /// <summary>The largest checkpoint signed so far, or null.</summary>
    public SignedCheckpoint? LatestCheckpoint => Volatile.Read(ref _latest);

    /// <summary>
    /// Opens (or creates) the ledger in <paramref name="directory"/>: leaves in a file store,
    /// checkpoints and the log and operator keys in files beside them (<see cref="LedgerLayout"/>).
    /// </summary>
    /// <exception cref="InvalidDataException">The directory holds another log, or its entries or checkpoints do not match.</exception>
    public static async Task<LedgerLog> OpenDirectoryAsync(string directory, LedgerLogOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(directory);
        LogKeys.WriteOrCheck(Path.Combine(directory, LedgerLayout.LogKeyFile), options.LogKey.PublicKey);
        LogKeys.WriteOrCheck(Path.Combine(directory, LedgerLayout.OperatorKeyFile), options.Operator);
        var store = FileLedgerStore.Open(Path.Combine(directory, LedgerLayout.LeavesDirectory), options.Store);
        try
        {
            return await OpenAsync(store, new CheckpointDirectory(Path.Combine(directory, LedgerLayout.CheckpointsDirectory)), options, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Opens a log over <paramref name="store"/> (which it then owns): replays the stored entries
    /// to rebuild the registry and rule state, and checks the stored checkpoints against the tree.
    /// </summary>
    /// <exception cref="InvalidDataException">A stored entry or checkpoint does not match the tree.</exception>
    public static async Task<LedgerLog> OpenAsync(ILedgerStore store, ICheckpointStore checkpoints, LedgerLogOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(options);
        var admission = new EntryAdmission(options.Operator, [.. options.Rules.Select(f => f())]);
        for (ulong i = 0; i < store.Size; i++)
        {
            var bytes = await store.ReadLeafAsync(i, cancellationToken).ConfigureAwait(false);
            if (!LedgerEntry.TryParse(bytes, out var entry).IsAccepted)
            {
                throw new InvalidDataException($"Stored leaf {i} is not a ledger entry; run 'dataspace audit' on the ledger.");
            }
            admission.Replay(entry!, i);
        }
        var latest = await StoredCheckpoints.LatestAsync(checkpoints, options.LogKey.PublicKey, store, cancellationToken).ConfigureAwait(false);
        return new LedgerLog(store, checkpoints, options, admission, latest);
    }

    /// <summary>Decodes <paramref name="bytes"/> as an entry and appends it (see <see cref="AppendAsync(LedgerEntry, CancellationToken)"/>).</summary>
    public Task<LedgerAppend> AppendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        var decoded = LedgerEntry.TryParse(bytes, out var entry);
        return decoded.IsAccepted ? AppendAsync(entry!, cancellationToken) : Task.FromResult(new LedgerAppend(decoded, null, null));
    }

    /// <summary>
    /// Checks and appends an entry; completes once it is durable. A refused entry is a result
    /// with the reason, not an exception.
    /// </summary>
    /// <exception cref="IOException">The store failed; the log must be reopened.</exception>
    public async Task<LedgerAppend> AppendAsync(LedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (await AppendBatchAsync([entry], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>
    /// Checks and appends several entries in the given order, verifying their signatures in
    /// parallel; completes once all accepted ones are durable (one group commit when the store
    /// batches). Each entry gets its own result; a refused entry does not stop the others. The
    /// entries keep their order; appends from other callers may fall between a registration and
    /// the entries after it.
    /// </summary>
    /// <exception cref="IOException">The store failed; the log must be reopened.</exception>
    public async Task<IReadOnlyList<LedgerAppend>> AppendBatchAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfFaulted();

        var verdicts = new EntryVerdict[entries.Count];
        var queued = new (ulong Expected, ValueTask<ulong> Durable)?[entries.Count];
        var start = 0;
        while (start < entries.Count)
        {
            // A registration ends a run: entries after it may be signed by the key it registers.
            var end = start;
            while (end < entries.Count && entries[end++].Type != ParticipantRegistration.EntryType)
            {
            }
            AdmitRun(entries, start, end, verdicts, queued, cancellationToken);
            start = end;
        }

        // Steps 4-5: wait for durability, then checkpoint at every multiple of the interval.
        var results = new LedgerAppend[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            if (queued[i] is not var (expected, durable))
            {
                results[i] = new LedgerAppend(verdicts[i], null, null);
                continue;
            }
            var index = await Durable(durable, expected).ConfigureAwait(false);
            var checkpoint = (index + 1) % _interval == 0 ? await CheckpointAtAsync(index + 1, cancellationToken).ConfigureAwait(false) : null;
            results[i] = new LedgerAppend(EntryVerdict.Accepted, index, checkpoint);
        }
        return results;
    }

    /// <summary>Signs and stores a checkpoint of the current durable size (or returns the latest one if the log has not grown).</summary>
    public Task<SignedCheckpoint> CheckpointAsync(CancellationToken cancellationToken = default) => CheckpointAtAsync(_store.Size, cancellationToken);

    /// <summary>The RFC 9162 root hash of the tree of <paramref name="size"/> entries.</summary>
    public byte[] RootHash(ulong size) => MerkleTree.RootHash(RequireSize(size), _store.Hashes);

    /// <summary>The inclusion proof of entry <paramref name="index"/> in the tree of <paramref name="size"/> entries (RFC 9162 §2.1.3.1).</summary>
    public IReadOnlyList<byte[]> InclusionProof(ulong index, ulong size) => MerkleTree.InclusionProof(index, RequireSize(size), _store.Hashes);

    /// <summary>The consistency proof from <paramref name="size1"/> to <paramref name="size2"/> entries (RFC 9162 §2.1.4.1).</summary>
    public IReadOnlyList<byte[]> ConsistencyProof(ulong size1, ulong size2) => MerkleTree.ConsistencyProof(size1, RequireSize(size2), _store.Hashes);

    /// <summary>Reads entry <paramref name="index"/>.</summary>
    public async Task<LedgerEntry> ReadEntryAsync(ulong index, CancellationToken cancellationToken = default) =>
        LedgerEntry.Parse(await _store.ReadLeafAsync(index, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// An offline receipt (c2sp.org/tlog-proof) for entry <paramref name="index"/> against
    /// <paramref name="checkpoint"/> (by default the latest checkpoint, which must cover the
    /// index). The receipt's <c>extra</c> data is the entry's canonical bytes, which the
    /// inclusion proof authenticates.
    /// </summary>
    public async Task<TlogProof> ReceiptAsync(ulong index, SignedCheckpoint? checkpoint = null, CancellationToken cancellationToken = default)
    {
        checkpoint ??= LatestCheckpoint ?? throw new InvalidOperationException("The log has no checkpoint yet.");
        var size = checkpoint.Checkpoint.Size;
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        var leaf = await _store.ReadLeafAsync(index, cancellationToken).ConfigureAwait(false);
        return new TlogProof(index, InclusionProof(index, size), checkpoint.Note.Format(), leaf);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync().ConfigureAwait(false);
        _noteSigner.Dispose();
        _checkpointGate.Dispose();
    }

    private void AdmitRun(IReadOnlyList<LedgerEntry> entries, int start, int end, EntryVerdict[] verdicts,
        (ulong Expected, ValueTask<ulong> Durable)?[] queued, CancellationToken cancellationToken)
    {
        // Steps 1-2: resolve keys and verify signatures, in parallel and outside the lock.
        var prepared = new PreparedEntry?[entries.Count];
        void Verify(int i)
        {
            verdicts[i] = _admission.Prepare(entries[i], out prepared[i]);
            if (verdicts[i].IsAccepted)
            {
                verdicts[i] = prepared[i]!.VerifySignatures();
            }
        }
        if (end - start == 1)
        {
            Verify(start);
        }
        else
        {
            Parallel.For(start, end, new ParallelOptions { CancellationToken = cancellationToken }, Verify);
        }

        // Step 3: in log order, the order-dependent checks, then queue the leaves.
        lock (_order)
        {
            ThrowIfFaulted();
            for (var i = start; i < end; i++)
            {
                if (verdicts[i].IsAccepted)
                {
                    verdicts[i] = _admission.Admit(prepared[i]!, _next);
                }
                if (verdicts[i].IsAccepted)
                {
                    queued[i] = (_next++, Queue(entries[i]));
                }
            }
        }
    }

    private async Task<SignedCheckpoint> CheckpointAtAsync(ulong size, CancellationToken cancellationToken)
    {
        await _checkpointGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (LatestCheckpoint is { } latest && latest.Checkpoint.Size == size)
            {
                // Same size, same root: re-signing would add nothing.
                return latest;
            }
            var signed = SignedCheckpoint.Sign(new Checkpoint(Origin, size, RootHash(size)), _noteSigner);
            await _checkpoints.SaveAsync(signed, cancellationToken).ConfigureAwait(false);
            if (LatestCheckpoint is not { } current || current.Checkpoint.Size < size)
            {
                // A slower appender may complete an earlier interval after a later checkpoint.
                Volatile.Write(ref _latest, signed);
            }
            return signed;
        }
        finally
        {
            _checkpointGate.Release();
        }
    }

    private async Task<ulong> Durable(ValueTask<ulong> durable, ulong expected)
    {
        ulong index;
        try
        {
            index = await durable.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw Fail(e);
        }
        // The index must be the one the order-dependent checks assumed.
        return index == expected ? index
            : throw Fail(new InvalidOperationException($"The store placed the entry at {index}, not {expected}: another writer uses it."));
    }

    private ValueTask<ulong> Queue(LedgerEntry entry)
    {
        try
        {
            return _store.AppendAsync(entry.Bytes, CancellationToken.None);
        }
        catch (Exception e)
        {
            throw Fail(e);
        }
    }

    private ulong RequireSize(ulong size)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, _store.Size);
        return size;
    }

    private IOException Fail(Exception cause)
    {
        Interlocked.CompareExchange(ref _fault, cause, null);
        return new IOException("The ledger could not make an accepted entry durable; reopen the log.", cause);
    }

    private void ThrowIfFaulted()
    {
        if (Volatile.Read(ref _fault) is { } fault)
        {
            throw new IOException("The ledger failed earlier and must be reopened.", fault);
        }
    }
}
