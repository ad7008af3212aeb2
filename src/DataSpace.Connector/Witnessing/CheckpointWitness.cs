using DataSpace.Core.Results;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Notes;

namespace DataSpace.Connector.Witnessing;

/// <summary>
/// This connector as a witness of the broker's ledger (DESIGN §5 step 4a; docs/formats.md,
/// "Checkpoints"). It accepts a checkpoint only when the broker's key signed it and an RFC 9162
/// §2.1.4.2 consistency proof shows it extends the last checkpoint accepted; it then cosigns it
/// (c2sp.org/tlog-cosignature, cosignature/v1) and remembers it on disk before answering, so a
/// restart cannot be talked into a fork. A checkpoint that does not extend the remembered one —
/// a split view, or a ledger rolled back — is refused and the state does not move; a fork leaves
/// its evidence beside the state.
/// </summary>
/// <remarks>
/// State that cannot be read is never reset silently: that would let a forked ledger through.
/// Observations are serialised: each proof is asked for against the state it will be checked with.
/// </remarks>
internal sealed class CheckpointWitness : IDisposable
{
    private readonly WitnessStateFile _state;
    private readonly NoteSigner _cosigner;
    private readonly NoteVerifier _logKey;
    private readonly Witness _witness;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _lastNote;

    private CheckpointWitness(WitnessStateFile state, NoteSigner cosigner, NoteVerifier logKey, TimeProvider clock, Checkpoint? last, string? lastNote)
    {
        _state = state;
        _cosigner = cosigner;
        _logKey = logKey;
        _clock = clock;
        _witness = new Witness(cosigner, logKey.Name, logKey, clock, last);
        _lastNote = lastNote;
    }

    /// <summary>The last checkpoint accepted, or null before the first.</summary>
    public Checkpoint? Last => _witness.LastCosigned;

    /// <summary>This witness's cosigner key (type 0x04), which verifies its cosignatures.</summary>
    public NoteVerifier Key => _cosigner.Verifier;

    /// <summary>
    /// Opens the witness state in <paramref name="directory"/> for the log whose origin is the name of
    /// <paramref name="logKey"/>. Takes ownership of <paramref name="cosigner"/> (a cosignature/v1 signer).
    /// </summary>
    public static Result<CheckpointWitness> Open(string directory, NoteSigner cosigner, NoteVerifier logKey, TimeProvider clock)
    {
        var state = new WitnessStateFile(directory);
        string? note;
        try
        {
            note = state.ReadLast();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            cosigner.Dispose();
            return Unreadable(state, e.Message);
        }
        Checkpoint? last = null;
        if (note is not null)
        {
            var opened = SignedCheckpoint.Open(note, logKey.Name, logKey, out var signed);
            if (!opened.IsValid)
            {
                cosigner.Dispose();
                return Unreadable(state, opened.Reason!);
            }
            last = signed!.Checkpoint;
        }
        return new CheckpointWitness(state, cosigner, logKey, clock, last, note);
    }

    /// <summary>
    /// Checks <paramref name="note"/> against the last accepted checkpoint, fetching the consistency
    /// proof it needs from <paramref name="proofs"/>, and cosigns and remembers it when it extends it.
    /// </summary>
    public async Task<Result<WitnessedCheckpoint>> ObserveAsync(string note, ConsistencyProofSource proofs, CancellationToken cancellationToken)
    {
        // Step 1: a checkpoint of this log, signed by its key.
        if (SignedCheckpoint.Open(note, _logKey.Name, _logKey, out var signed) is { IsValid: false } invalid)
        {
            return Error.Unavailable($"The broker's checkpoint is not valid: {invalid.Reason}.");
        }
        var next = signed!.Checkpoint;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Step 2: the proof that it extends the last one (none from nothing, from the empty tree, or at the same size).
            var last = _witness.LastCosigned;
            IReadOnlyList<byte[]> proof = [];
            if (last is { Size: > 0 } && next.Size > last.Size)
            {
                var fetched = await proofs(last.Size, next.Size, cancellationToken).ConfigureAwait(false);
                if (!fetched.IsSuccess)
                {
                    return fetched.Error;
                }
                proof = fetched.Value;
            }

            // Step 3: cosign and remember, or refuse without moving.
            var response = _witness.Cosign(note, proof);
            switch (response.Outcome)
            {
                case WitnessOutcome.Cosigned:
                    var cosigned = signed.WithSignature(response.Cosignature!).Note.Format();
                    _state.Save(cosigned);
                    _lastNote = cosigned;
                    return new WitnessedCheckpoint(next, cosigned, response.Cosignature!);
                case WitnessOutcome.Stale:
                    return Error.Unavailable(
                        $"The broker shows a ledger of {next.Size} entries, fewer than the {last!.Size} this connector already witnessed: a rolled-back ledger is not trusted.");
                case WitnessOutcome.Inconsistent:
                    var evidence = _state.SaveEvidence(_lastNote, note, proof, response.Reason!, _clock.GetUtcNow());
                    return Error.Unavailable(
                        $"Split view: the broker's checkpoint of size {next.Size} does not extend the one of size {last!.Size} this connector witnessed ({response.Reason}). Nothing proceeds; evidence is in {evidence}.");
                default:
                    return Error.Unavailable($"The broker's checkpoint is not valid: {response.Reason}.");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _cosigner.Dispose();
        _gate.Dispose();
    }

    private static Error Unreadable(WitnessStateFile state, string reason) => Error.Unavailable(
        $"The witness state {state.CheckpointPath} cannot be used ({reason}). It was not reset, since that would let a forked ledger through: an operator must check it.");
}
