using System.Text.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DataSpace.Connector.Common;
using DataSpace.Connector.Negotiation;
using DataSpace.Connector.Received;
using DataSpace.Connector.Usage;
using DataSpace.Core;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Crypto.Age;
using DataSpace.Ledger.Entries;

namespace DataSpace.Connector.Tests.Usage;

/// <summary>
/// A provider and a consumer connector around a fake broker, and helpers that put data in the
/// consumer's hands as a completed transfer would: an agreement kept by the consumer and known to
/// the broker, the data age-encrypted to the consumer in its received-data store, and its record.
/// </summary>
internal sealed class UsageScenario : IAsyncDisposable
{
    public const string Purpose = "quality-analysis";
    public const string ProviderId = "88.608.1001";
    public const string ConsumerId = "88.608.2002";

    /// <summary>The test clock's start: inside the default agreement's validity, before its deleteBy.</summary>
    public static readonly DateTimeOffset Start = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset DeleteBy = new(2030, 6, 15, 0, 0, 0, TimeSpan.Zero);

    private UsageScenario(ManualClock clock, TestNetwork network, FakeBroker broker, UsageNode provider, UsageNode consumer)
    {
        Clock = clock;
        Network = network;
        Broker = broker;
        Provider = provider;
        Consumer = consumer;
    }

    public ManualClock Clock { get; }

    public TestNetwork Network { get; }

    public FakeBroker Broker { get; }

    public UsageNode Provider { get; }

    public UsageNode Consumer { get; }

    public static async Task<UsageScenario> StartAsync(IDictionary<string, string?>? consumerSettings = null)
    {
        var clock = new ManualClock(Start);
        var network = new TestNetwork();
        var broker = new FakeBroker(clock);
        network.Add(FakeBroker.Host, broker);
        var provider = await UsageNode.StartAsync(ProviderId, "provider.test", network, clock);
        var consumer = await UsageNode.StartAsync(ConsumerId, "consumer.test", network, clock, consumerSettings);
        broker.Register(provider.Keys, provider.Endpoint);
        broker.Register(consumer.Keys, consumer.Endpoint);
        return new UsageScenario(clock, network, broker, provider, consumer);
    }

    public static AgreementTerms DefaultTerms { get; } = new(
        [Purpose], new DateTimeOffset(2030, 6, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 7, 1, 0, 0, 0, TimeSpan.Zero),
        MaxUses: 3, Delivery: "copy", NotifyProvider: true, DeleteBy: DeleteBy);

    public static JsonObject GeneralLabel() => new()
    {
        ["category"] = "general",
        ["domain"] = "production",
        ["sector"] = "C36",
        ["reviewBy"] = "2031-06-30T00:00:00Z",
        ["personalInfo"] = new JsonObject { ["contains"] = false },
        ["crossBorder"] = new JsonObject { ["status"] = "domestic-only", ["approvals"] = new JsonArray() },
        ["tradeSecret"] = false,
        ["derivedFrom"] = new JsonArray(),
    };

    /// <summary>An agreement between the two, FINALIZED: kept by the consumer, signed by both.</summary>
    public async Task<Agreement> AgreeAsync(AgreementTerms? terms = null, JsonObject? label = null)
    {
        var id = $"agreement-{Guid.NewGuid():N}";
        var agreement = new Agreement(id, $"negotiation-{id}", "offer-1", $"{ProviderId}/PRD-0001", ProviderId, ConsumerId,
            JsonSerializer.SerializeToElement(label ?? GeneralLabel()), terms ?? DefaultTerms, Purpose, "CN", [], Start.AddDays(-1));
        var entry = LedgerEntry.Create(Agreement.EntryType, DomainJson.ToNode(agreement), [Provider.Keys.Signer, Consumer.Keys.Signer]);
        await Consumer.Service<AgreementStore>().SaveAsync(new StoredAgreement(id, 7, entry.ToJson()), TestContext.Current.CancellationToken);
        return agreement;
    }

    /// <summary>
    /// The consumer received <paramref name="plaintext"/> under <paramref name="agreement"/>, with the
    /// obligations of the provider's transfer decision (by default: what dataspace.transfer returns for it).
    /// </summary>
    public async Task<ReceivedRecord> ReceiveAsync(Agreement agreement, byte[] plaintext, IReadOnlyList<JsonObject>? obligations = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var transferId = $"transfer-{Guid.NewGuid():N}";
        var entry = LedgerEntry.Create(Agreement.EntryType, DomainJson.ToNode(agreement), [Provider.Keys.Signer, Consumer.Keys.Signer]);
        Broker.AddTransfer(agreement, entry.ToJson(), transferId);
        using var ciphertext = new MemoryStream();
        await AgeEncryptor.EncryptAsync(new MemoryStream(plaintext), ciphertext, [Consumer.Keys.AgeIdentity.Recipient], cancellationToken: ct);
        ciphertext.Position = 0;
        var blobKey = $"{ProviderId}/{transferId}";
        await Consumer.Service<ConnectorStores>().Received.PutAsync(blobKey, ciphertext, new Dictionary<string, string>(), ct);
        var record = new ReceivedRecord(transferId, agreement.AgreementId, ProviderId, agreement.AssetId, blobKey,
            Convert.ToHexStringLower(SHA256.HashData(plaintext)), plaintext.Length, Clock.GetUtcNow(), obligations ?? TransferObligations(agreement));
        await Consumer.Service<ReceivedIndex>().SaveAsync(record, ct);
        return record;
    }

    public static List<JsonObject> TransferObligations(Agreement agreement)
    {
        var obligations = new List<JsonObject> { new() { ["type"] = "log_usage", ["reason"] = "R10 log every use of the data" } };
        if (agreement.Terms.DeleteBy is { } deleteBy)
        {
            obligations.Add(new JsonObject { ["type"] = "delete_after", ["deadline"] = Timestamps.Format(deleteBy), ["reason"] = "R10 delete the data by the agreed deadline" });
        }
        return obligations;
    }

    public Task<HttpResponseMessage> ReadAsync(string transferId, string? purpose = Purpose) =>
        Consumer.Client.GetAsync($"/received/{Uri.EscapeDataString(transferId)}/content" + (purpose is null ? string.Empty : $"?purpose={Uri.EscapeDataString(purpose)}"), TestContext.Current.CancellationToken);

    public Task<ReceivedRecord?> RecordAsync(string transferId) => Consumer.Service<ReceivedIndex>().FindAsync(transferId, TestContext.Current.CancellationToken);

    /// <summary>The lines of a JSON-lines file in a node's data directory (none when it does not exist).</summary>
    public static List<JsonObject> Lines(UsageNode node, string fileName)
    {
        var path = Path.Combine(node.DataDirectory, fileName);
        return File.Exists(path) ? [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject())] : [];
    }

    public List<JsonObject> UsageLog() => Lines(Consumer, DataSpace.Connector.Usage.UsageLog.FileName);

    public List<JsonObject> Notices() => Lines(Provider, UsageNoticeLog.FileName);

    public Task SweepAsync() => Consumer.Service<DataDeletion>().SweepAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Consumer.DisposeAsync();
        await Provider.DisposeAsync();
        Broker.Dispose();
    }
}
