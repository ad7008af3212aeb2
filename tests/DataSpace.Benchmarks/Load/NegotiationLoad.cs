using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
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
        var consumers = Enumerable.Range(0, options.Clients).Select(i => ParticipantKeys.Generate($"88.608.{7000 + i}")).ToList();
        foreach (var consumer in consumers)
        {
            await RegisterAsync(http, consumer, Attributes($"Load consumer {consumer.ParticipantId}", "C36", null));
        }
        var offerId = await PublishOfferAsync(options, providerKeys.ParticipantId, consumers.Select(c => c.ParticipantId));

        var latencies = new List<double>[options.Clients];
        var failures = new int[options.Clients];
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        var cpu = CpuDuringAsync(options.Watch, measureFrom, stopAt);
        await Task.WhenAll(consumers.Select((keys, i) => Task.Run(async () =>
        {
            latencies[i] = [];
            using var tokenHttp = new HttpClient();
            using var tokens = new SpaceTokenClient(tokenHttp, options.Broker, keys);
            using var client = new HttpClient(new SpaceTokenHandler(tokens, new SocketsHttpHandler())) { BaseAddress = options.Broker, Timeout = TimeSpan.FromSeconds(60) };
            var n = 0;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var began = Stopwatch.GetTimestamp();
                var finalized = await NegotiateAsync(client, keys, offerId, $"load-{i}-{n++}");
                var ended = Stopwatch.GetTimestamp();
                if (began >= measureFrom && ended <= stopAt)
                {
                    if (finalized)
                    {
                        latencies[i].Add(Stopwatch.GetElapsedTime(began, ended).TotalMilliseconds);
                    }
                    else
                    {
                        failures[i]++;
                    }
                }
            }
        })));

        var all = latencies.SelectMany(l => l).Order().ToList();
        var rate = all.Count / options.Duration.TotalSeconds;
        var perNegotiation = string.Join(", ", (await cpu).Select(c => $"{c.Name} {c.Time.TotalMilliseconds / Math.Max(1, all.Count):F1}"));
        Console.WriteLine($"| {options.Clients} clients, {options.Duration.TotalSeconds:F0} s | {all.Count} | {rate:F0} /s | {Percentile(all, 0.50):F1} ms | {Percentile(all, 0.99):F1} ms | {failures.Sum()} | {perNegotiation} |");
        foreach (var consumer in consumers)
        {
            consumer.Dispose();
        }
        return failures.Sum() == 0 && all.Count > 0 ? 0 : 1;
    }

    /// <summary>
    /// The CPU time each watched process and the load generator itself (<c>load</c>) use between
    /// <paramref name="from"/> and <paramref name="to"/>: the window whose negotiations are counted.
    /// </summary>
    private static async Task<IReadOnlyList<(string Name, TimeSpan Time)>> CpuDuringAsync(IReadOnlyList<(string Name, int ProcessId)> watch, long from, long to)
    {
        IReadOnlyList<(string Name, int? ProcessId)> all = [.. watch.Select(w => (w.Name, (int?)w.ProcessId)), ("load", null)];
        await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), from)).ConfigureAwait(false);
        var before = all.Select(p => ProcessCpu.Of(p.ProcessId)).ToList();
        await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), to)).ConfigureAwait(false);
        return [.. all.Select((p, i) => (p.Name, ProcessCpu.Of(p.ProcessId) - before[i]))];
    }

    private static async Task<bool> NegotiateAsync(HttpClient broker, ParticipantKeys keys, string offerId, string requestId)
    {
        var now = Timestamps.Now();
        var request = new ContractRequest(requestId, offerId, keys.ParticipantId, "quality-analysis", "CN", "copy",
            new RequestedTerms(["quality-analysis"], now.AddDays(-1), now.AddDays(30), 5), now);
        var entry = LedgerEntry.FromRecord(ContractRequest.EntryType, request, [keys.Signer]);
        var agreed = await (await PostAsync(broker, "negotiations", entry)).Content.ReadFromJsonAsync<JsonObject>();
        if (agreed?["state"]?.GetValue<string>() != "AGREED" || !LedgerEntry.TryRead(agreed["agreement"], out var agreement).IsAccepted)
        {
            return false;
        }
        var id = agreed["negotiationId"]!.GetValue<string>();
        var final = await (await PostAsync(broker, $"negotiations/{id}/verification", agreement!.Countersign(keys.Signer))).Content.ReadFromJsonAsync<JsonObject>();
        return final?["state"]?.GetValue<string>() == "FINALIZED";
    }

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

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
