using System.Net.Http.Headers;

namespace DataSpace.Hosting.Tokens;

/// <summary>
/// Adds <c>Authorization: Bearer &lt;access token&gt;</c> (RFC 6750 §2.1) from a
/// <see cref="SpaceTokenClient"/> to every outgoing request.
/// </summary>
public sealed class SpaceTokenHandler : DelegatingHandler
{
    private readonly SpaceTokenClient _tokens;

    /// <summary>A handler for an <c>IHttpClientFactory</c> pipeline (the factory sets the inner handler).</summary>
    public SpaceTokenHandler(SpaceTokenClient tokens)
    {
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
    }

    /// <summary>A handler in front of <paramref name="innerHandler"/>.</summary>
    public SpaceTokenHandler(SpaceTokenClient tokens, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await _tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
