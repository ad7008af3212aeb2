using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Results;
using DataSpace.Hosting.Tokens;

namespace DataSpace.Connector.Witnessing;

/// <summary>
/// Sends this connector's cosignature of a broker checkpoint back to the broker
/// (<c>POST /ledger/cosignatures</c>, <c>{"checkpoint": note}</c>), where clients and auditors can
/// collect it (c2sp.org/tlog-cosignature). Authenticated with the participant's access token.
/// </summary>
internal sealed class CosignatureClient(HttpClient http)
{
    public async Task<Error?> PostAsync(string cosignedNote, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("ledger/cosignatures", new JsonObject { ["checkpoint"] = cosignedNote }, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? null
                : Error.Unavailable($"The broker refused the cosignature: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }
        catch (Exception e) when (e is HttpRequestException or SpaceTokenException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Error.Unavailable($"The broker could not be reached to take the cosignature: {e.Message}");
        }
    }
}
