using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Notes;

namespace DataSpace.Ledger.Checkpoints;

/// <summary>
/// A witness for one log: it cosigns a checkpoint (c2sp.org/tlog-cosignature, cosignature/v1)
/// only after checking the log's signature and, with a consistency proof (RFC 9162 §2.1.4.2),
/// that the checkpoint extends the last one it cosigned. A log that forks its history — a
/// split view — therefore cannot gather cosignatures for both branches from the same witness.
/// </summary>
/// <remarks>
/// The state (the last cosigned checkpoint) is held in memory and can be seeded through the
/// constructor; a witness that forgets its state after a restart would accept a fork, so
/// callers that persist it pass the last cosigned checkpoint back in. Thread-safe.
/// </remarks>
public sealed class Witness
{
    private readonly NoteSigner _cosigner;
    private readonly NoteVerifier _logKey;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Checkpoint? _last;
    private ulong _lastTimestamp;

    /// <summary>Creates a witness for the log <paramref name="origin"/> signed by <paramref name="logKey"/>.</summary>
    /// <param name="cosigner">The witness's own key; must be of type <see cref="NoteSignatureType.CosignatureV1"/>.</param>
    /// <param name="origin">The log's origin line.</param>
    /// <param name="logKey">The log's note verifier key.</param>
    /// <param name="time">Clock for cosignature timestamps; the system clock by default.</param>
    /// <param name="lastCosigned">The last checkpoint this witness cosigned, if any.</param>
    public Witness(NoteSigner cosigner, string origin, NoteVerifier logKey, TimeProvider? time = null, Checkpoint? lastCosigned = null)
    {
        ArgumentNullException.ThrowIfNull(cosigner);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(logKey);
        if (cosigner.Verifier.Type != NoteSignatureType.CosignatureV1)
        {
            throw new ArgumentException("A witness cosigns with a cosignature/v1 (type 0x04) key.", nameof(cosigner));
        }
        _cosigner = cosigner;
        Origin = origin;
        _logKey = logKey;
        _time = time ?? TimeProvider.System;
        _last = lastCosigned;
    }

    /// <summary>The log origin this witness follows.</summary>
    public string Origin { get; }

    /// <summary>The witness's public cosigner key.</summary>
    public NoteVerifier Key => _cosigner.Verifier;

    /// <summary>The last checkpoint cosigned, or <c>null</c> before the first one.</summary>
    public Checkpoint? LastCosigned
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <summary>
    /// Verifies a signed checkpoint and cosigns it if it is consistent with the last one cosigned.
    /// </summary>
    /// <param name="signedCheckpoint">The checkpoint note as the log signed it.</param>
    /// <param name="consistencyProof">Proof from the last cosigned size to this one; empty for the first checkpoint or an equal size.</param>
    public WitnessResponse Cosign(string signedCheckpoint, IReadOnlyList<byte[]> consistencyProof)
    {
        ArgumentNullException.ThrowIfNull(signedCheckpoint);
        ArgumentNullException.ThrowIfNull(consistencyProof);

        // Step 1: the checkpoint must be well formed, for our log, and signed by its key.
        var opened = SignedCheckpoint.Open(signedCheckpoint, Origin, _logKey, out var checkpoint);
        if (!opened.IsValid)
        {
            return new WitnessResponse(WitnessOutcome.InvalidCheckpoint, null, opened.Reason);
        }
        var next = checkpoint!.Checkpoint;
        lock (_gate)
        {
            // Step 2: it must extend the last cosigned checkpoint, provably.
            if (_last is { } last && Refuse(last, next, consistencyProof) is { } refusal)
            {
                return refusal;
            }
            if (_last is null && next.Size == 0 && !next.RootHash.AsSpan().SequenceEqual(MerkleHash.EmptyRoot))
            {
                return new WitnessResponse(WitnessOutcome.InvalidCheckpoint, null, "an empty tree must have the empty root hash");
            }

            // Step 3: cosign with a timestamp that never goes backwards, then remember the head.
            var now = (ulong)Math.Max(0, _time.GetUtcNow().ToUnixTimeSeconds());
            _lastTimestamp = Math.Max(now, _lastTimestamp);
            var cosignature = _cosigner.Cosign(checkpoint.Note.Text, _lastTimestamp);
            _last = next;
            return new WitnessResponse(WitnessOutcome.Cosigned, cosignature, null);
        }
    }

    private static WitnessResponse? Refuse(Checkpoint last, Checkpoint next, IReadOnlyList<byte[]> proof)
    {
        if (next.Size < last.Size)
        {
            return new WitnessResponse(WitnessOutcome.Stale, null, $"size {next.Size} is smaller than the cosigned size {last.Size}");
        }
        if (last.Size == 0)
        {
            // Every tree extends the empty tree; there is nothing to prove.
            return proof.Count == 0 ? null : new WitnessResponse(WitnessOutcome.Inconsistent, null, "no proof is needed from the empty tree");
        }
        var verdict = MerkleVerifier.VerifyConsistency(last.Size, next.Size, proof, last.RootHash, next.RootHash);
        return verdict.IsValid ? null : new WitnessResponse(WitnessOutcome.Inconsistent, null,
            $"not consistent with the cosigned checkpoint of size {last.Size} (possible split view): {verdict.Reason}");
    }
}
