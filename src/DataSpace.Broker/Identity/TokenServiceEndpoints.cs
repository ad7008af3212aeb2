using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Jose;
using DataSpace.Hosting.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DataSpace.Broker.Identity;

/// <summary>
/// The broker's token service endpoints: OpenID Connect discovery (used here as OAuth 2.0
/// authorization server metadata, RFC 8414), the JWKS, and the token endpoint.
/// </summary>
public static class TokenServiceEndpoints
{
    /// <summary>
    /// Maps <c>GET /.well-known/openid-configuration</c>, <c>GET /jwks</c> and <c>POST /token</c>
    /// (anonymous: the caller authenticates with its client assertion). Loads or creates the
    /// signing key now, so a damaged key file stops the start rather than the first request.
    /// </summary>
    public static IEndpointRouteBuilder MapTokenService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.ServiceProvider.GetRequiredService<BrokerSigningKey>();

        var identity = endpoints.MapGroup("").WithTags("Identity").AllowAnonymous();
        identity.MapGet(TokenServiceUrls.DiscoveryPath, GetDiscovery);
        identity.MapGet(TokenServiceUrls.JwksPath, GetJwks);
        identity.MapPost(TokenServiceUrls.TokenPath, PostTokenAsync)
            .AddEndpointFilter<TokenRateLimitFilter>()
            // A token request is four short fields: refuse anything bigger before buffering it.
            .WithFormOptions(valueCountLimit: 16, valueLengthLimit: 2 * CompactJws.MaxLength, multipartBodyLengthLimit: 4 * CompactJws.MaxLength)
            .DisableAntiforgery();
        return endpoints;
    }

    private static Ok<JsonObject> GetDiscovery(HttpRequest request, IOptions<TokenServiceOptions> options)
    {
        var urls = TokenServiceUrls.For(request, options.Value);
        return TypedResults.Ok(new JsonObject
        {
            ["issuer"] = urls.Issuer,
            ["jwks_uri"] = urls.JwksUri,
            ["token_endpoint"] = urls.TokenEndpoint,
            ["grant_types_supported"] = new JsonArray("client_credentials"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            ["token_endpoint_auth_signing_alg_values_supported"] = new JsonArray(CompactJws.Algorithm),
            ["id_token_signing_alg_values_supported"] = new JsonArray(SpaceTokenClaims.SigningAlgorithm),
        });
    }

    private static Ok<JsonElement> GetJwks(BrokerSigningKey key) => TypedResults.Ok(key.Jwks);

    private static async Task<Results<Ok<TokenResponse>, JsonHttpResult<TokenError>>> PostTokenAsync(
        HttpContext http,
        ClientAssertionValidator validator,
        AccessTokenIssuer issuer,
        IOptions<TokenServiceOptions> options,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(TokenServiceEndpoints));
        // RFC 6749 §5.1: responses that carry tokens must not be cached.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";

        var (request, requestError) = await TokenRequest.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        if (request is null)
        {
            TokenServiceLog.AssertionRefused(logger, requestError!.Description);
            return Refused(requestError);
        }
        var urls = TokenServiceUrls.For(http.Request, options.Value);
        var (participant, error) = validator.Validate(request, urls);
        if (participant is null)
        {
            return Refused(error!);
        }
        var token = issuer.Issue(participant, urls.Issuer);
        TokenServiceLog.TokenIssued(logger, participant.Id, token.Lifetime);
        return TypedResults.Ok(new TokenResponse(token.AccessToken, (long)token.Lifetime.TotalSeconds));
    }

    private static JsonHttpResult<TokenError> Refused(TokenError error) => TypedResults.Json(error, statusCode: error.Status);
}
