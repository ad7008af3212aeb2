using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DataSpace.Core;
using DataSpace.Core.Json;
using DataSpace.Core.Transfers;
using DataSpace.Hosting.Tokens;
using DataSpace.Ledger.Entries;
using DataSpace.TestSpace;

namespace DataSpace.Connector.Tests.TransferTests;

/// <summary>
/// A space for transfer tests — a broker, a provider, a consumer and a third participant, all
/// real servers on loopback — and the steps every test repeats: an asset, an offer, an agreement.
/// </summary>
public class TransferScenario : IAsyncLifetime
{
    private int _assets;

    public TestSpace.TestSpace Space { get; private set; } = null!;

    public Party Provider { get; private set; } = null!;

    public Party Consumer { get; private set; } = null!;

    public Party Stranger { get; private set; } = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>How the space runs: file stores by default.</summary>
    protected virtual SpaceSettings Settings => new();

    public async ValueTask InitializeAsync()
    {
        Space = await TestSpace.TestSpace.StartAsync(Settings, Ct);
        Provider = await Space.AddAsync("88.608.1001", TestSpace.TestSpace.Enterprise("Provider Steel", sector: "C31"), cancellationToken: Ct);
        Consumer = await Space.AddAsync("88.608.2002", TestSpace.TestSpace.Enterprise("Consumer Parts"), cancellationToken: Ct);
        Stranger = await Space.AddAsync("88.608.3003", TestSpace.TestSpace.Enterprise("Stranger Works"), cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Space.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The asset of the last agreement made.</summary>
    public string LastAssetId { get; private set; } = string.Empty;

    /// <summary>Uploads <paramref name="content"/> as a new asset of the provider, offers it, and negotiates a FINALIZED agreement for the consumer.</summary>
    public async Task<string> AgreeAsync(byte[] content, int? maxUses = 3, string category = "general")
    {
        var suffix = $"PRD-{Interlocked.Increment(ref _assets)}";
        using var form = new MultipartFormDataContent
        {
            { new StringContent(suffix), "id" },
            { new StringContent(Label(category).ToJsonString()), "label" },
            { new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "data.csv" },
        };
        var asset = await ReadAsync(await Provider.Local!.PostAsync("assets", form, Ct));
        LastAssetId = (string)asset["assetId"]!;
        var offer = await ReadAsync(await Provider.Local!.PostAsJsonAsync("offers", new JsonObject { ["assetId"] = (string?)asset["assetId"], ["terms"] = Terms(maxUses) }, Ct));
        var negotiation = await ReadAsync(await Consumer.Local!.PostAsJsonAsync("negotiations", Request((string)offer["offer"]!["id"]!, maxUses), Ct));
        Assert.Equal("FINALIZED", (string?)negotiation["state"]);
        return (string)negotiation["agreement"]!["body"]!["agreementId"]!;
    }

    /// <summary>The consumer's local API: fetch the agreement's asset.</summary>
    public Task<HttpResponseMessage> ReceiveAsync(string agreementId, string? transferId = null)
    {
        var body = new JsonObject { ["agreementId"] = agreementId };
        if (transferId is not null)
        {
            body["transferId"] = transferId;
        }
        return Consumer.Local!.PostAsJsonAsync("received", body, Ct);
    }

    /// <summary>Calls <paramref name="target"/>'s connector as <paramref name="caller"/>, with its space access token.</summary>
    public static HttpClient ConnectorAs(Party caller, Party target) =>
        new(new SpaceTokenHandler(caller.Tokens, new HttpClientHandler())) { BaseAddress = target.Connector!.Url };

    /// <summary>Every entry of the broker's ledger, in order.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> LedgerAsync()
    {
        using var http = new HttpClient { BaseAddress = Space.Broker.Url };
        var page = await ReadAsync(await http.GetAsync("ledger/entries?start=0", Ct));
        return [.. page["entries"]!.AsArray().Select(e => LedgerEntry.TryRead(e!["entry"], out var entry).IsAccepted ? entry! : throw new InvalidDataException("a ledger entry does not read"))];
    }

    /// <summary>The ledger's entries about <paramref name="transferId"/>, by type.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> TransferEntriesAsync(string transferId, string type) =>
        [.. (await LedgerAsync()).Where(e => e.Type == type && e.Body.TryGetProperty("transferId", out var id) && id.GetString() == transferId)];

    /// <summary>What the broker says of the agreement (as the consumer).</summary>
    public async Task<JsonObject> AgreementAsync(string agreementId) => await ReadAsync(await Consumer.Broker.GetAsync($"agreements/{agreementId}", Ct));

    /// <summary>The consumer asks the provider to start the transfer (POST /transfers on the space API) without fetching its content.</summary>
    public async Task StartAsConsumerAsync(string agreementId, string transferId)
    {
        using var direct = ConnectorAs(Consumer, Provider);
        await ReadAsync(await direct.PostAsJsonAsync("transfers", new JsonObject { ["agreementId"] = agreementId, ["transferId"] = transferId }, Ct));
    }

    /// <summary>The consumer records the transfer TERMINATED itself, as a consumer that gave up would.</summary>
    public async Task TerminateAsConsumerAsync(string transferId, string agreementId)
    {
        var ended = new TransferTerminated(transferId, agreementId, Consumer.Id, "test: the consumer gave up", Timestamps.Now());
        var entry = LedgerEntry.Create(TransferTerminated.EntryType, DomainJson.ToNode(ended), [Consumer.Keys.Signer]);
        var response = await Consumer.Broker.PostAsJsonAsync("ledger/entries", entry.ToJson(), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
            return JsonNode.Parse(text)!.AsObject();
        }
    }

    /// <summary>Asserts the answer is an RFC 9457 problem with <paramref name="status"/>, and returns its detail.</summary>
    public static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return (string?)JsonNode.Parse(text)!["detail"] ?? string.Empty;
        }
    }

    private static JsonObject Label(string category) => new()
    {
        ["category"] = category,
        ["domain"] = "production",
        ["sector"] = "C36",
        ["personalInfo"] = new JsonObject { ["contains"] = false },
        ["crossBorder"] = new JsonObject { ["status"] = "domestic-only", ["approvals"] = new JsonArray() },
        ["tradeSecret"] = false,
        ["derivedFrom"] = new JsonArray(),
        ["reviewBy"] = Timestamps.Format(DateTimeOffset.UtcNow.AddYears(1)),
    };

    private JsonObject Terms(int? maxUses) => new()
    {
        ["purposes"] = new JsonArray("quality-analysis"),
        ["validFrom"] = Timestamps.Format(DateTimeOffset.UtcNow.Date.AddDays(-1)),
        ["validUntil"] = Timestamps.Format(DateTimeOffset.UtcNow.Date.AddDays(60)),
        ["maxUses"] = maxUses,
        ["delivery"] = new JsonArray("copy", "compute"),
        ["public"] = false,
        ["audience"] = new JsonArray(Consumer.Id),
        ["notifyProvider"] = false,
    };

    private static JsonObject Request(string offerId, int? maxUses) => new()
    {
        ["offerId"] = offerId,
        ["purpose"] = "quality-analysis",
        ["destination"] = "CN",
        ["delivery"] = "copy",
        ["terms"] = new JsonObject
        {
            ["purposes"] = new JsonArray("quality-analysis"),
            ["validFrom"] = Timestamps.Format(DateTimeOffset.UtcNow.Date.AddDays(-1)),
            ["validUntil"] = Timestamps.Format(DateTimeOffset.UtcNow.Date.AddDays(30)),
            ["maxUses"] = maxUses,
        },
    };
}
