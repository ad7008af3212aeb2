using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Keys;
using DataSpace.Hosting.Tokens;

namespace DataSpace.TestSpace;

/// <summary>
/// A participant of a test space: its keys, its access to the broker (with its own space token),
/// and — when it runs one — its connector and the connector's local API.
/// </summary>
public sealed class Party : IAsyncDisposable
{
    private readonly HttpClient _tokenHttp = new();

    internal Party(ParticipantKeys keys, JsonObject attributes, Uri brokerUrl, RunningService? connector, string? apiToken)
    {
        Keys = keys;
        Attributes = attributes;
        Connector = connector;
        Tokens = new SpaceTokenClient(_tokenHttp, brokerUrl, keys);
        Broker = new HttpClient(new SpaceTokenHandler(Tokens, new HttpClientHandler())) { BaseAddress = brokerUrl };
        if (connector is not null)
        {
            Local = new HttpClient { BaseAddress = connector.Url };
            Local.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        }
    }

    public string Id => Keys.ParticipantId;

    public ParticipantKeys Keys { get; }

    public JsonObject Attributes { get; }

    /// <summary>Calls the broker as this participant (bearer token added).</summary>
    public HttpClient Broker { get; }

    public SpaceTokenClient Tokens { get; }

    /// <summary>The participant's connector, if it runs one.</summary>
    public RunningService? Connector { get; }

    /// <summary>The connector's local API with its credential.</summary>
    public HttpClient? Local { get; }

    public async ValueTask DisposeAsync()
    {
        Broker.Dispose();
        Local?.Dispose();
        Tokens.Dispose();
        _tokenHttp.Dispose();
        if (Connector is not null)
        {
            await Connector.DisposeAsync().ConfigureAwait(false);
        }
        Keys.Dispose();
    }
}
