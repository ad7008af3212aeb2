namespace DataSpace.Hosting.Tokens;

/// <summary>Optional settings of <see cref="SpaceJwtBearerExtensions.AddSpaceJwtBearer(Microsoft.AspNetCore.Authentication.AuthenticationBuilder, string, string, Action{SpaceJwtBearerOptions}?)"/>.</summary>
public sealed class SpaceJwtBearerOptions
{
    /// <summary>
    /// Fetch the broker's metadata and keys over plain http even though the broker is not on
    /// loopback (loopback is always allowed). Only for closed test networks: anyone on the path
    /// could substitute keys.
    /// </summary>
    public bool AllowHttpMetadata { get; set; }

    /// <summary>
    /// The handler that fetches the broker's metadata and JWKS, e.g. a test server's handler;
    /// null uses a normal HTTP client.
    /// </summary>
    public HttpMessageHandler? BackchannelHandler { get; set; }

    /// <summary>Tolerated clock difference with the broker when checking <c>exp</c> and <c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The broker validates the tokens it issued itself: with its own signing key, with no
    /// metadata round trip to itself. Set together with <see cref="LocalIssuer"/>.
    /// </summary>
    public Func<IServiceProvider, Microsoft.IdentityModel.Tokens.SecurityKey>? LocalSigningKey { get; set; }

    /// <summary>The issuer the local signing key's tokens carry.</summary>
    public string? LocalIssuer { get; set; }
}
