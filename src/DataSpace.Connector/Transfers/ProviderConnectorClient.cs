using DataSpace.Connector.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Json;
using DataSpace.Core.Results;
using DataSpace.Hosting.Tokens;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// The consumer connector's calls to a provider connector (docs/formats.md, "Transfers"), each
/// authenticated with this participant's space access token. Every failure is a result: a
/// provider refusal keeps its status and detail (a policy denial stays a 403 with its reasons),
/// an unreachable provider is <see cref="ErrorKind.Unavailable"/>.
/// </summary>
internal sealed class ProviderConnectorClient(HttpClient http)
{
    public const string HttpClientName = "DataSpace.Connector.Provider";

    public Task<Result<TransferTicket>> StartAsync(Uri provider, TransferRequest request, CancellationToken ct) =>
        SendAsync<TransferTicket>(HttpMethod.Post, new Uri(provider, "transfers"), DomainJson.ToNode(request), ct);

    public Task<Result<TransferReceipt>> CompleteAsync(Uri provider, string transferId, JsonObject receipt, CancellationToken ct) =>
        SendAsync<TransferReceipt>(HttpMethod.Post, new Uri(provider, $"transfers/{transferId}/completion"), receipt, ct);

    public Task<Result<JsonObject>> ManifestAsync(Uri provider, string transferId, string ciphertextSha256, CancellationToken ct) =>
        SendAsync<JsonObject>(HttpMethod.Get, new Uri(provider, $"transfers/{transferId}/manifest?ciphertextSha256={ciphertextSha256}"), null, ct);

    /// <summary>Opens the content stream; the body is read as it arrives. Dispose the response.</summary>
    public async Task<Result<HttpResponseMessage>> OpenContentAsync(Uri provider, string transferId, CancellationToken ct)
    {
        var url = new Uri(provider, $"transfers/{transferId}/content");
        try
        {
            var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }
            using (response)
            {
                return await PeerRefusals.ReadAsync(response, "provider", ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (Unreachable(e, ct))
        {
            return Error.Unavailable($"The provider connector could not be reached ({url}): {e.Message}");
        }
    }

    private async Task<Result<T>> SendAsync<T>(HttpMethod method, Uri url, JsonNode? body, CancellationToken ct)
        where T : class
    {
        try
        {
            using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return await PeerRefusals.ReadAsync(response, "provider", ct).ConfigureAwait(false);
            }
            var value = await response.Content.ReadFromJsonAsync<T>(DomainJson.Options, ct).ConfigureAwait(false);
            return value is null ? Error.Unavailable($"The provider connector answered {url.AbsolutePath} with an empty body.") : value;
        }
        catch (Exception e) when (e is JsonException || Unreachable(e, ct))
        {
            return Error.Unavailable($"The provider connector could not be reached or answered badly ({url.AbsolutePath}): {e.Message}");
        }
    }

    private static bool Unreachable(Exception e, CancellationToken ct) =>
        e is HttpRequestException or IOException or SpaceTokenException || (e is TaskCanceledException && !ct.IsCancellationRequested);
}
