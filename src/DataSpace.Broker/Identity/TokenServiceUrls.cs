namespace DataSpace.Broker.Identity;

/// <summary>
/// The token service's public URLs: the issuer (configured, or the request's own base URL) and
/// the endpoints under it, as the discovery document announces them and assertions name them.
/// </summary>
internal sealed record TokenServiceUrls(string Issuer)
{
    public const string DiscoveryPath = "/.well-known/openid-configuration";
    public const string JwksPath = "/jwks";
    public const string TokenPath = "/token";

    public string TokenEndpoint => Issuer + TokenPath;

    public string JwksUri => Issuer + JwksPath;

    public static TokenServiceUrls For(HttpRequest request, TokenServiceOptions options) =>
        new(options.Issuer ?? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}");
}
