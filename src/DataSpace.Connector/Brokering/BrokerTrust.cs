using DataSpace.Core.Results;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Logs;

namespace DataSpace.Connector.Brokering;

/// <summary>
/// Who the broker is: its participant id (the origin of its ledger's checkpoints) and its key,
/// learned from the broker on first contact and pinned in <c>DataDirectory/broker.vkey</c>
/// (trust on first use). Afterwards a broker presenting another key is refused: its signatures
/// on negotiation callbacks and checkpoints would not verify.
/// </summary>
internal sealed class BrokerTrust(BrokerClient broker, Hosting.ConnectorOptions options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Ed25519PublicKey? _key;

    public string PinnedKeyPath => Path.Combine(options.DataDirectory, "broker.vkey");

    /// <summary>The broker's key, pinned on first use.</summary>
    public async Task<Result<Ed25519PublicKey>> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } known)
        {
            return known;
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_key is null && LogKeys.TryRead(PinnedKeyPath, out var pinned, out _))
            {
                _key = pinned;
            }
            if (_key is null)
            {
                // Why learning failed (no answer, this connector not registered yet, a key that does
                // not sign the broker's checkpoint) is what the operator needs to act on.
                var learned = await LearnAsync(cancellationToken).ConfigureAwait(false);
                if (!learned.IsSuccess)
                {
                    return Error.Unavailable($"The broker's key is not known yet, and learning it from the broker failed: {learned.Error.Message}");
                }
                _key = learned.Value;
            }
            return _key;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Result<Ed25519PublicKey>> LearnAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await broker.CheckpointAsync(cancellationToken).ConfigureAwait(false);
        if (!checkpoint.IsSuccess)
        {
            return checkpoint.Error;
        }
        var origin = checkpoint.Value.Split('\n', 2)[0];
        var participant = await broker.GetParticipantAsync(origin, cancellationToken).ConfigureAwait(false);
        if (!participant.IsSuccess)
        {
            return participant.Error;
        }
        if (!Ed25519PublicKey.TryParse(participant.Value.VerifierKey, out var key, out var error) || key!.Name != origin)
        {
            return Error.Unavailable($"The broker's registered key does not name its ledger origin {origin}: {error}");
        }
        if (!SignedCheckpoint.Open(checkpoint.Value, origin, LogKeys.ToNoteVerifier(key), out _).IsValid)
        {
            return Error.Unavailable("The broker's checkpoint is not signed by the key it registered.");
        }
        LogKeys.WriteOrCheck(PinnedKeyPath, key);
        return key;
    }
}
