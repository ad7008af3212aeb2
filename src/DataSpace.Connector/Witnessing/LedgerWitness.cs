using DataSpace.Connector.Brokering;
using DataSpace.Connector.Hosting;
using DataSpace.Core.Results;
using DataSpace.Crypto.Keys;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Entries;
using DataSpace.Ledger.Logs;

namespace DataSpace.Connector.Witnessing;

/// <summary>
/// The connector's view of the broker's ledger that it trusts: each call fetches the broker's
/// latest checkpoint and passes it through this connector's <see cref="CheckpointWitness"/>
/// (state in <c>DataDirectory/witness</c>), so every inclusion proof is checked against a
/// checkpoint this connector verified and cosigned itself. Fail closed: no broker, no key, no
/// consistent checkpoint — no answer.
/// </summary>
/// <remarks>
/// Each newly cosigned size is also posted back to the broker (<c>POST /ledger/cosignatures</c>)
/// for other clients and auditors. That is a service to others, not a condition of this
/// connector's own trust: a failed post is logged and the answer stands.
/// </remarks>
internal sealed class LedgerWitness(
    BrokerClient broker,
    BrokerTrust trust,
    CosignatureClient cosignatures,
    ParticipantKeys keys,
    ConnectorOptions options,
    TimeProvider clock,
    ILogger<LedgerWitness> logger) : IDisposable
{
    public const string FolderName = "witness";

    private readonly SemaphoreSlim _opening = new(1, 1);
    private CheckpointWitness? _witness;
    private ulong? _posted;

    public string Folder => Path.Combine(options.DataDirectory, FolderName);

    /// <summary>The broker's latest checkpoint, verified against everything this connector saw, cosigned and remembered.</summary>
    public async Task<Result<WitnessedCheckpoint>> RefreshAsync(CancellationToken cancellationToken)
    {
        var witness = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!witness.IsSuccess)
        {
            return witness.Error;
        }
        var note = await broker.CheckpointAsync(cancellationToken).ConfigureAwait(false);
        if (!note.IsSuccess)
        {
            return note.Error;
        }
        var observed = await witness.Value.ObserveAsync(note.Value, ConsistencyProofAsync, cancellationToken).ConfigureAwait(false);
        if (observed.IsSuccess && observed.Value.Checkpoint.Size != _posted)
        {
            if (await cosignatures.PostAsync(observed.Value.Note, cancellationToken).ConfigureAwait(false) is { } unposted)
            {
                WitnessLog.CosignatureNotPosted(logger, observed.Value.Checkpoint.Size, unposted.Message);
            }
            else
            {
                _posted = observed.Value.Checkpoint.Size;
            }
        }
        if (!observed.IsSuccess)
        {
            WitnessLog.Refused(logger, observed.Error.Message);
        }
        return observed;
    }

    /// <summary>Proves that <paramref name="entry"/> is entry <paramref name="index"/> of the ledger, against a freshly witnessed checkpoint.</summary>
    public async Task<Result<WitnessedCheckpoint>> ProveIncludedAsync(LedgerEntry entry, ulong index, CancellationToken cancellationToken)
    {
        var witnessed = await RefreshAsync(cancellationToken).ConfigureAwait(false);
        if (!witnessed.IsSuccess)
        {
            return witnessed;
        }
        var checkpoint = witnessed.Value.Checkpoint;
        if (index >= checkpoint.Size)
        {
            return Error.Unavailable($"Entry {index} is not covered by the broker's checkpoint yet (size {checkpoint.Size}); try again.");
        }
        var proof = await broker.InclusionProofAsync(index, checkpoint.Size, cancellationToken).ConfigureAwait(false);
        if (!proof.IsSuccess)
        {
            return proof.Error;
        }
        return InclusionCheck.Verify(entry, index, checkpoint, proof.Value) is { } failed ? failed : witnessed;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _witness?.Dispose();
        _opening.Dispose();
    }

    private async Task<Result<CheckpointWitness>> OpenAsync(CancellationToken cancellationToken)
    {
        if (_witness is { } open)
        {
            return open;
        }
        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_witness is { } opened)
            {
                return opened;
            }
            var brokerKey = await trust.KeyAsync(cancellationToken).ConfigureAwait(false);
            if (!brokerKey.IsSuccess)
            {
                return brokerKey.Error;
            }
            var witness = CheckpointWitness.Open(Folder, ParticipantCosigner.Signer(keys.Signer), LogKeys.ToNoteVerifier(brokerKey.Value), clock);
            if (witness.IsSuccess)
            {
                _witness = witness.Value;
            }
            return witness;
        }
        finally
        {
            _opening.Release();
        }
    }

    private async Task<Result<IReadOnlyList<byte[]>>> ConsistencyProofAsync(ulong from, ulong to, CancellationToken cancellationToken)
    {
        var proof = await broker.ConsistencyProofAsync(from, to, cancellationToken).ConfigureAwait(false);
        if (!proof.IsSuccess)
        {
            return proof.Error;
        }
        if (proof.Value.From != from || proof.Value.Size != to)
        {
            return Error.Unavailable($"The broker answered a consistency proof for ({proof.Value.From}, {proof.Value.Size}) when ({from}, {to}) was asked.");
        }
        try
        {
            return Result<IReadOnlyList<byte[]>>.Success(proof.Value.Decode());
        }
        catch (FormatException)
        {
            return Error.Unavailable("The broker's consistency proof holds a hash that is not base64.");
        }
    }
}
