using DataSpace.Crypto.Keys;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Hosting.Tokens;

/// <summary>
/// Gets a participant's access tokens from the broker and keeps the current one. Thread-safe:
/// callers share the cached token, and when it must be renewed only one of them asks the broker
/// while the others wait for its answer. A token is renewed once 80% of its lifetime has passed,
/// so a request never leaves with a token about to expire. Each renewal signs a new client
/// assertion (60 s, fresh <c>jti</c>). The discovery document is read once.
/// </summary>
public sealed class SpaceTokenClient : IDisposable
{
    private const double RenewAt = 0.8;

    private readonly HttpClient _http;
    private readonly Uri _brokerUrl;
    private readonly string _participantId;
    private readonly Ed25519Signer _signer;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private string? _tokenEndpoint;
    private volatile CachedToken? _current;

    /// <summary>A client for the participant whose keys are <paramref name="keys"/>.</summary>
    /// <param name="http">Sends to the broker; not disposed by this client. Give it a test server's handler in tests.</param>
    /// <param name="brokerUrl">The broker's base URL, e.g. <c>https://broker.example</c>.</param>
    /// <param name="keys">The participant's keys; they must outlive this client.</param>
    /// <param name="clock">The clock; the system clock when null.</param>
    public SpaceTokenClient(HttpClient http, Uri brokerUrl, ParticipantKeys keys, TimeProvider? clock = null)
        : this(http, brokerUrl, (keys ?? throw new ArgumentNullException(nameof(keys))).ParticipantId, keys.Signer, clock)
    {
    }

    /// <summary>A client for participant <paramref name="participantId"/> signing with <paramref name="signer"/>.</summary>
    public SpaceTokenClient(HttpClient http, Uri brokerUrl, string participantId, Ed25519Signer signer, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(brokerUrl);
        ArgumentException.ThrowIfNullOrEmpty(participantId);
        ArgumentNullException.ThrowIfNull(signer);
        if (!brokerUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The broker URL must be absolute.", nameof(brokerUrl));
        }
        _http = http;
        // A trailing slash makes relative paths resolve under the base, not beside it.
        _brokerUrl = brokerUrl.AbsoluteUri.EndsWith('/') ? brokerUrl : new Uri(brokerUrl.AbsoluteUri + "/");
        _participantId = participantId;
        _signer = signer;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The participant this client gets tokens for.</summary>
    public string ParticipantId => _participantId;

    /// <summary>A valid access token: the cached one, or a new one from the broker.</summary>
    /// <exception cref="SpaceTokenException">The broker refused or could not be reached.</exception>
    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } fresh && _clock.GetUtcNow() < fresh.RenewAfter)
        {
            return fresh.AccessToken;
        }
        await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have renewed it while this one waited.
            if (_current is { } renewed && _clock.GetUtcNow() < renewed.RenewAfter)
            {
                return renewed.AccessToken;
            }
            _tokenEndpoint ??= await BrokerTokenEndpoint.DiscoverAsync(_http, _brokerUrl, cancellationToken).ConfigureAwait(false);
            var now = _clock.GetUtcNow();
            var assertion = ClientAssertion.Create(_signer, _participantId, _tokenEndpoint, now);
            var (token, lifetime) = await BrokerTokenEndpoint.RequestAsync(_http, _tokenEndpoint, _participantId, assertion, cancellationToken).ConfigureAwait(false);
            _current = new CachedToken(token, now + lifetime * RenewAt);
            return token;
        }
        finally
        {
            _renewal.Release();
        }
    }

    /// <summary>Forgets the cached token, e.g. after a service answered 401 to it; the next call asks the broker.</summary>
    public void Invalidate() => _current = null;

    /// <inheritdoc />
    public void Dispose() => _renewal.Dispose();

    private sealed record CachedToken(string AccessToken, DateTimeOffset RenewAfter);
}
