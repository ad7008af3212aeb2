using System.Net.Http.Headers;
using DataSpace.Cli.Demo.Scenarios;
using DataSpace.Crypto.Keys;

namespace DataSpace.Cli.Demo.Space;

/// <summary>An onboarded participant: its keys, its running connector and a client of the connector's local API (with the API token).</summary>
internal sealed class DemoParty : IAsyncDisposable
{
    public DemoParty(ParticipantSample sample, ParticipantKeys keys, IDemoService connector, string apiToken, string dataDirectory)
    {
        Sample = sample;
        Keys = keys;
        Connector = connector;
        DataDirectory = dataDirectory;
        Local = new HttpClient { BaseAddress = connector.Url, Timeout = TimeSpan.FromSeconds(60) };
        Local.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
    }

    public ParticipantSample Sample { get; }

    public string Id => Sample.Id;

    public ParticipantKeys Keys { get; }

    public IDemoService Connector { get; }

    public string DataDirectory { get; }

    /// <summary>The connector's local API, as the enterprise's own applications call it.</summary>
    public HttpClient Local { get; }

    public async ValueTask DisposeAsync()
    {
        Local.Dispose();
        await Connector.DisposeAsync();
        Keys.Dispose();
    }
}
