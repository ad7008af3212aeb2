using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Transfers;

namespace DataSpace.Connector.Usage;

/// <summary>
/// Finds this consumer's <c>data.deleted</c> entry for a transfer in the broker's public ledger,
/// newest first. Needed when the broker recorded the entry but its answer was lost: the retry is
/// then refused as a duplicate, and the record still wants the entry's index.
/// </summary>
internal sealed class DeletionLookup(HttpClient http)
{
    private const ulong PageSize = 1000;

    /// <summary>The deletion was recorded after the first attempt: look at most this far back.</summary>
    private const int MaxPages = 20;

    public async Task<ulong?> FindAsync(string transferId, string consumer, CancellationToken cancellationToken)
    {
        try
        {
            var end = (await PageAsync(0, 0, cancellationToken).ConfigureAwait(false))?["size"]?.GetValue<ulong>() ?? 0;
            for (var pages = 0; end > 0 && pages < MaxPages; pages++)
            {
                var start = end > PageSize ? end - PageSize : 0;
                var entries = (await PageAsync(start, end, cancellationToken).ConfigureAwait(false))?["entries"] as JsonArray ?? [];
                foreach (var item in entries.Reverse())
                {
                    if (item?["entry"] is JsonObject entry && (string?)entry["type"] == DataDeleted.EntryType
                        && (string?)entry["body"]?["transferId"] == transferId && (string?)entry["body"]?["consumer"] == consumer)
                    {
                        return item["index"]?.GetValue<ulong>();
                    }
                }
                end = start;
            }
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or FormatException
                                     || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    private Task<JsonObject?> PageAsync(ulong start, ulong end, CancellationToken cancellationToken) =>
        http.GetFromJsonAsync<JsonObject>(string.Create(CultureInfo.InvariantCulture, $"ledger/entries?start={start}&end={end}"), cancellationToken);
}
