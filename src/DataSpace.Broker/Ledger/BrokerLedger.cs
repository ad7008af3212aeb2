using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using DataSpace.Broker.Hosting;
using DataSpace.Core.Json;
using DataSpace.Core.Participants;
using DataSpace.Core.Policies;
using DataSpace.Core.Results;
using DataSpace.Core.Space;
using DataSpace.Crypto.Keys;
using DataSpace.Ledger.Domain;
using DataSpace.Ledger.Entries;
using DataSpace.Ledger.Logs;
using DataSpace.Ledger.Storage.Azure;

namespace DataSpace.Broker.Ledger;

/// <summary>
/// The broker's ledger: the signed log with the space's rules, and the projection of it that every
/// query reads. Opening it replays the stored entries (the projection is rebuilt, never stored
/// apart), registers the broker itself on first start and records the policy bundle it decides
/// with, so the ledger alone suffices to audit every decision.
/// </summary>
public sealed class BrokerLedger : IAsyncDisposable
{
    private static readonly Meter Meter = new("DataSpace.Broker");
    private readonly SpaceRule _rule;

    private BrokerLedger(LedgerLog log, SpaceRule rule, ParticipantKeys keys)
    {
        Log = log;
        _rule = rule;
        Keys = keys;
        Meter.CreateObservableGauge("dataspace.ledger.size", () => (long)Log.Size, "{entry}", "Entries in the broker's ledger.");
    }

    /// <summary>The signed log.</summary>
    public LedgerLog Log { get; }

    /// <summary>The broker's keys.</summary>
    public ParticipantKeys Keys { get; }

    /// <summary>What the ledger says now.</summary>
    public SpaceState State => _rule.Projection.State;

    /// <summary>Opens the configured store, rebuilds the state, and makes sure the broker and its bundle are recorded.</summary>
    public static async Task<BrokerLedger> OpenAsync(BrokerOptions options, ParticipantKeys keys, PolicyBundleRecord bundle, CancellationToken cancellationToken)
    {
        var rule = new SpaceRule(keys.ParticipantId);
        var logOptions = new LedgerLogOptions
        {
            LogKey = keys.Signer,
            Operator = keys.Signer.PublicKey,
            CheckpointInterval = options.Ledger.CheckpointInterval,
            Rules = [() => rule],
        };
        var log = options.Ledger.Store == LedgerStoreOptions.Azure
            ? await OpenAzureAsync(options.Ledger, logOptions, cancellationToken).ConfigureAwait(false)
            : await LedgerLog.OpenDirectoryAsync(options.Ledger.Directory ?? Path.Combine(options.DataDirectory, "ledger"), logOptions, cancellationToken).ConfigureAwait(false);
        var ledger = new BrokerLedger(log, rule, keys);
        try
        {
            await ledger.RegisterSelfAsync(options, cancellationToken).ConfigureAwait(false);
            await ledger.RecordBundleAsync(bundle, keys, cancellationToken).ConfigureAwait(false);
            return ledger;
        }
        catch
        {
            await ledger.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Appends an entry; a refusal is an error saying why, never an exception.</summary>
    public async Task<Result<ulong>> AppendAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        var append = await Log.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        if (append.IsAccepted)
        {
            return append.Index!.Value;
        }
        var reason = $"The ledger refused the {entry.Type} entry: {append.Verdict.Reason}.";
        return append.Verdict.Fault switch
        {
            EntryFault.Malformed or EntryFault.NotCanonical or EntryFault.BadSignatureEncoding => Error.Invalid(reason),
            EntryFault.UnknownSigner or EntryFault.InvalidSignature => Error.Forbidden(reason),
            _ => Error.Conflict(reason),
        };
    }

    /// <summary>Records a bundle signed by <paramref name="signer"/> unless its digest is already in the ledger.</summary>
    public async Task<Result<ulong>> RecordBundleAsync(PolicyBundleRecord bundle, ParticipantKeys signer, CancellationToken cancellationToken)
    {
        if (State.FindBundle(bundle.Digest) is { } index)
        {
            return index;
        }
        var entry = LedgerEntry.FromRecord(PolicyBundleRecord.EntryType, bundle, [signer.Signer]);
        return await AppendAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Log.DisposeAsync().ConfigureAwait(false);
        Keys.Dispose();
    }

    private async Task RegisterSelfAsync(BrokerOptions options, CancellationToken cancellationToken)
    {
        if (State.FindParticipant(Keys.ParticipantId) is not null)
        {
            return;
        }
        var attributes = new JsonObject
        {
            [ParticipantAttributes.Name] = options.Name,
            [ParticipantAttributes.Kind] = "operator",
        };
        var registration = new ParticipantRegistration(Keys.ParticipantId, Keys.Signer.PublicKey, Keys.AgeIdentity.Recipient.ToString()!, attributes);
        var appended = await AppendAsync(LedgerEntry.Create(ParticipantRegistration.EntryType, registration.ToBody(), [Keys.Signer]), cancellationToken).ConfigureAwait(false);
        if (!appended.IsSuccess)
        {
            throw new InvalidOperationException($"The broker could not register itself in its ledger: {appended.Error.Message}");
        }
    }

    private static async Task<LedgerLog> OpenAzureAsync(LedgerStoreOptions options, LedgerLogOptions logOptions, CancellationToken cancellationToken)
    {
        var container = new BlobContainerClient(options.ConnectionString, options.Container);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var store = await AzureAppendBlobLedgerStore.OpenAsync(container, cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            return await LedgerLog.OpenAsync(store, new AzureCheckpointStore(container), logOptions, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
