using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Crypto.Keys;
using DataSpace.Hosting.Tokens;
using DataSpace.Ledger.Entries;

namespace DataSpace.Benchmarks.Load;

/// <summary>
/// N consumer clients negotiate, concurrently and back to back, against one provider connector
/// through a running broker (embedded policy, file ledger): each negotiation is the consumer's
/// signed request, the broker's and the provider's decisions, the provider-signed agreement, the
/// consumer's countersignature and the broker's FINALIZED ledger entry. Reports finalized
/// negotiations per second, the latency of whole negotiations (both consumer calls) and the CPU
/// time per finalized negotiation of the broker, the provider and the load generator.
/// </summary>
internal static class NegotiationLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = LoadOptions.Parse(args);
        using var http = new HttpClient { BaseAddress = options.Broker, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(options.OperatorTokenFile)).Trim());

        using var providerKeys = KeyFile.Parse(await File.ReadAllBytesAsync(options.ProviderKeyFile));
        await RegisterAsync(http, providerKeys, Attributes("Load steel", "C31", options.Provider.ToString().TrimEnd('/')));
        var consumers = Enumerable.Range(0, options.Shape.Clients).Select(i => ParticipantKeys.Generate($"88.608.{7000 + i}")).ToList();
        foreach (var consumer in consumers)
        {
            await RegisterAsync(http, consumer, Attributes($"Load consumer {consumer.ParticipantId}", "C36", null));
        }
        var offerId = await PublishOfferAsync(options, providerKeys.ParticipantId, consumers.Select(c => c.ParticipantId));

        var result = await ClosedLoopLoad.RunAsync(string.Empty, options.Shape, i =>
        {
            var keys = consumers[i];
            var tokenHttp = new HttpClient();
            var tokens = new SpaceTokenClient(tokenHttp, options.Broker, keys);
            var client = new HttpClient(new SpaceTokenHandler(tokens, new SocketsHttpHandler())) { BaseAddress = options.Broker, Timeout = TimeSpan.FromSeconds(60) };
            return (n => NegotiateAsync(client, keys, offerId, $"load-{i}-{n}"), new HeldResources(client, tokens, tokenHttp));
        });
        foreach (var consumer in consumers)
        {
            consumer.Dispose();
        }
        return result;
    }

    /// <summary>
    /// One negotiation as a consumer connector makes it. The answers are read as documents, not node
    /// trees: the load generator shares the machine with what it measures, so it spends no more than it must.
    /// </summary>
    private static async Task<bool> NegotiateAsync(HttpClient broker, ParticipantKeys keys, string offerId, string requestId)
    {
        var now = Timestamps.Now();
        var request = new ContractRequest(requestId, offerId, keys.ParticipantId, "quality-analysis", "CN", "copy",
            new RequestedTerms(["quality-analysis"], now.AddDays(-1), now.AddDays(30), 5), now);
        var entry = LedgerEntry.FromRecord(ContractRequest.EntryType, request, [keys.Signer]);
        using var agreed = await ReadAsync(await PostAsync(broker, "negotiations", entry));
        var view = agreed.RootElement;
        if (State(view) != "AGREED" || !view.TryGetProperty("agreement", out var agreementJson) || !LedgerEntry.TryRead(agreementJson, out var agreement).IsAccepted)
        {
            return false;
        }
        var id = view.GetProperty("negotiationId").GetString();
        using var final = await ReadAsync(await PostAsync(broker, $"negotiations/{id}/verification", agreement!.Countersign(keys.Signer)));
        return State(final.RootElement) == "FINALIZED";
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        }
    }

    private static string? State(JsonElement view) =>
        view.ValueKind == JsonValueKind.Object && view.TryGetProperty("state", out var state) ? state.GetString() : null;

    /// <summary>Sends an entry as a connector does: its canonical bytes are the JSON body.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient broker, string path, LedgerEntry entry) =>
        broker.PostAsync(path, new ReadOnlyMemoryContent(entry.Bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } });

    private static async Task<string> PublishOfferAsync(LoadOptions options, string provider, IEnumerable<string> audience)
    {
        using var local = new HttpClient { BaseAddress = options.Provider };
        local.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(options.ProviderApiTokenFile)).Trim());
        var label = new JsonObject
        {
            ["category"] = "general", ["domain"] = "production", ["sector"] = "C31",
            ["personalInfo"] = new JsonObject { ["contains"] = false },
            ["crossBorder"] = new JsonObject { ["status"] = "domestic-only", ["approvals"] = new JsonArray() },
            ["tradeSecret"] = false, ["derivedFrom"] = new JsonArray(),
            ["reviewBy"] = Timestamps.Format(DateTimeOffset.UtcNow.AddYears(1)),
        };
        using var form = new MultipartFormDataContent
        {
            { new StringContent("LOAD-1"), "id" },
            { new StringContent(label.ToJsonString()), "label" },
            { new ByteArrayContent("line,tonnes\nA,1200\n"u8.ToArray()), "file", "output.csv" },
        };
        (await local.PostAsync("assets", form)).EnsureSuccessStatusCode();
        var terms = new JsonObject
        {
            ["purposes"] = new JsonArray("quality-analysis"),
            ["validFrom"] = Timestamps.Format(DateTimeOffset.UtcNow.Date.AddDays(-2)),
            ["validUntil"] = Timestamps.Format(DateTimeOffset.UtcNow.Date.AddDays(90)),
            ["maxUses"] = 10,
            ["delivery"] = new JsonArray("copy"),
            ["public"] = false,
            ["audience"] = new JsonArray([.. audience.Select(a => (JsonNode)a)]),
            ["notifyProvider"] = false,
        };
        var offer = await (await local.PostAsJsonAsync("offers", new JsonObject { ["assetId"] = $"{provider}/LOAD-1", ["terms"] = terms })).Content.ReadFromJsonAsync<JsonObject>();
        return offer!["offer"]!["id"]!.GetValue<string>();
    }

    private static async Task RegisterAsync(HttpClient operatorClient, ParticipantKeys keys, JsonObject attributes)
    {
        var registration = LedgerEntry.Create(ParticipantRegistration.EntryType,
            new ParticipantRegistration(keys.ParticipantId, keys.Signer.PublicKey, keys.AgeIdentity.Recipient.ToString()!, attributes).ToBody(), [keys.Signer]);
        var response = await operatorClient.PostAsJsonAsync("participants", registration.ToJson());
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Registering {keys.ParticipantId}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static JsonObject Attributes(string name, string sector, string? endpoint)
    {
        var attributes = new JsonObject
        {
            ["name"] = name, ["country"] = "CN", ["sector"] = sector, ["securityProfile"] = 3, ["securityAgreement"] = true, ["kind"] = "enterprise",
        };
        if (endpoint is not null)
        {
            attributes["endpoint"] = endpoint;
        }
        return attributes;
    }

}
