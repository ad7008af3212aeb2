using DataSpace.Core.Participants;
using DataSpace.Crypto.Keys;
using DataSpace.Crypto.Signatures;
using DataSpace.Hosting.Tokens;

namespace DataSpace.Broker.Tests.Identity;

public sealed class SpaceTokenClientTests : IAsyncLifetime
{
    private readonly Ed25519Signer _provider = Ed25519Signer.Generate("88.608.8889");
    private TokenServiceTestHost _host = null!;
    private CountingHandler _counter = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await TokenServiceTestHost.StartAsync();
        _host.Participants.Register(_provider);
        _counter = new CountingHandler(_host.App.GetTestServerHandler());
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _provider.Dispose();
    }

    [Fact]
    public async Task GetAccessToken_Twice_AsksTheBrokerOnceAndReadsDiscoveryOnce()
    {
        using var client = _host.TokenClient(_provider, _counter);

        var first = await client.GetAccessTokenAsync(TestContext.Current.CancellationToken);
        var second = await client.GetAccessTokenAsync(TestContext.Current.CancellationToken);

        Assert.Same(first, second);
        Assert.Equal(1, _counter.Count("/token"));
        Assert.Equal(1, _counter.Count("/.well-known/openid-configuration"));
    }

    [Fact]
    public async Task GetAccessToken_After80PercentOfTheLifetime_GetsANewTokenWithoutRediscovery()
    {
        using var client = _host.TokenClient(_provider, _counter);
        var first = await client.GetAccessTokenAsync(TestContext.Current.CancellationToken);

        _host.Clock.Advance(TimeSpan.FromSeconds(239));
        var stillFirst = await client.GetAccessTokenAsync(TestContext.Current.CancellationToken);
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        var renewed = await client.GetAccessTokenAsync(TestContext.Current.CancellationToken);

        Assert.Same(first, stillFirst);
        Assert.NotEqual(first, renewed);
        Assert.Equal(2, _counter.Count("/token"));
        Assert.Equal(1, _counter.Count("/.well-known/openid-configuration"));
    }

    [Fact]
    public async Task GetAccessToken_ManyConcurrentCallers_ShareOneRequest()
    {
        using var client = _host.TokenClient(_provider, _counter);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetAccessTokenAsync(TestContext.Current.CancellationToken).AsTask()));

        Assert.Single(tokens.Distinct());
        Assert.Equal(1, _counter.Count("/token"));
    }

    [Fact]
    public async Task Invalidate_ForcesANewToken()
    {
        using var client = _host.TokenClient(_provider, _counter);
        await client.GetAccessTokenAsync(TestContext.Current.CancellationToken);

        client.Invalidate();
        await client.GetAccessTokenAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, _counter.Count("/token"));
    }

    [Fact]
    public async Task GetAccessToken_SuspendedParticipant_ThrowsWithTheBrokersReason()
    {
        _host.Participants.Put(_host.Participants.Find("88.608.8889")! with { Status = ParticipantStatus.Suspended });
        using var client = _host.TokenClient(_provider);

        var error = await Assert.ThrowsAsync<SpaceTokenException>(() => client.GetAccessTokenAsync(TestContext.Current.CancellationToken).AsTask());

        Assert.Equal("invalid_client", error.Error);
        Assert.Equal(401, error.StatusCode);
        Assert.Contains("suspended", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAccessToken_BrokerWithoutTokenService_ThrowsSaying404()
    {
        using var client = new SpaceTokenClient(new HttpClient(_host.App.GetTestServerHandler()), new Uri("http://localhost/nowhere"), "88.608.8889", _provider, _host.Clock);

        var error = await Assert.ThrowsAsync<SpaceTokenException>(() => client.GetAccessTokenAsync(TestContext.Current.CancellationToken).AsTask());

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("/nowhere/.well-known/openid-configuration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParticipantKeysConstructor_UsesTheKeysIdAndSigner()
    {
        using var keys = ParticipantKeys.Generate("88.123.4567", _host.Clock);
        _host.Participants.Register(keys.Signer);
        using var client = new SpaceTokenClient(new HttpClient(_host.App.GetTestServerHandler()), new Uri(TokenServiceTestHost.BrokerUrl), keys, _host.Clock);

        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(await client.GetAccessTokenAsync(TestContext.Current.CancellationToken));

        Assert.Equal("88.123.4567", token.Subject);
    }

    /// <summary>Counts requests per path on their way to the test server.</summary>
    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _counts = new();

        public int Count(string path) => _counts.GetValueOrDefault(path);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _counts.AddOrUpdate(request.RequestUri!.AbsolutePath, 1, (_, n) => n + 1);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
