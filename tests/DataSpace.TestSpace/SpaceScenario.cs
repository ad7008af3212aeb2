using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DataSpace.Core;

namespace DataSpace.TestSpace;

/// <summary>Building blocks of the flow tests: labels, an uploaded asset, an offer, a negotiation request.</summary>
public static class SpaceScenario
{
    public static JsonObject Label(string category = "general", string sector = "C36") => new()
    {
        ["category"] = category,
        ["domain"] = "production",
        ["sector"] = sector,
        ["personalInfo"] = new JsonObject { ["contains"] = false },
        ["crossBorder"] = new JsonObject { ["status"] = "domestic-only", ["approvals"] = new JsonArray() },
        ["tradeSecret"] = false,
        ["derivedFrom"] = new JsonArray(),
        ["reviewBy"] = Timestamps.Format(DateTimeOffset.UtcNow.AddYears(1)),
    };

    public static async Task<JsonObject> UploadAsync(Party provider, string suffix, JsonObject label, byte[] content, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(suffix), "id" },
            { new StringContent(label.ToJsonString()), "label" },
            { new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "data.csv" },
        };
        var response = await provider.Local!.PostAsync("assets", form, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return response.IsSuccessStatusCode ? JsonNode.Parse(body)!.AsObject() : throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
    }

    public static JsonObject Terms(int? maxUses = 10, bool isPublic = false, params string[] audience) => new()
    {
        ["purposes"] = new JsonArray("quality-analysis", "predictive-maintenance"),
        ["validFrom"] = Timestamps.Format(DateTimeOffset.UtcNow.Date.AddDays(-1)),
        ["validUntil"] = Timestamps.Format(DateTimeOffset.UtcNow.Date.AddDays(60)),
        ["maxUses"] = maxUses,
        ["delivery"] = new JsonArray("copy", "compute"),
        ["public"] = isPublic,
        ["audience"] = new JsonArray([.. audience.Select(a => (JsonNode)a)]),
        ["notifyProvider"] = false,
    };

    public static async Task<JsonObject> PublishAsync(Party provider, string assetId, JsonObject terms, CancellationToken ct)
    {
        var response = await provider.Local!.PostAsJsonAsync("offers", new JsonObject { ["assetId"] = assetId, ["terms"] = terms }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return response.IsSuccessStatusCode ? JsonNode.Parse(body)!.AsObject() : throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
    }

    /// <summary>Negotiates through the consumer's connector; the negotiation view.</summary>
    public static async Task<JsonObject> NegotiateAsync(Party consumer, JsonObject request, CancellationToken ct)
    {
        var response = await consumer.Local!.PostAsJsonAsync("negotiations", request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return response.IsSuccessStatusCode ? JsonNode.Parse(body)!.AsObject() : throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
    }

    /// <summary>Asks the consumer's connector to fetch the data of an agreement; the status and the body.</summary>
    public static async Task<(System.Net.HttpStatusCode Status, JsonObject Body)> ReceiveAsync(Party consumer, string agreementId, CancellationToken ct, string? transferId = null)
    {
        var request = new JsonObject { ["agreementId"] = agreementId };
        if (transferId is not null)
        {
            request["transferId"] = transferId;
        }
        var response = await consumer.Local!.PostAsJsonAsync("received", request, ct);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!.AsObject());
    }

    public static JsonObject Request(string offerId, string purpose = "quality-analysis", string destination = "CN", string delivery = "copy", int? maxUses = 3) => new()
    {
        ["offerId"] = offerId,
        ["purpose"] = purpose,
        ["destination"] = destination,
        ["delivery"] = delivery,
        ["terms"] = new JsonObject
        {
            ["purposes"] = new JsonArray(purpose),
            ["validFrom"] = Timestamps.Format(DateTimeOffset.UtcNow.Date.AddDays(-1)),
            ["validUntil"] = Timestamps.Format(DateTimeOffset.UtcNow.Date.AddDays(30)),
            ["maxUses"] = maxUses,
        },
    };
}
