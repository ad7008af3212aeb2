using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DataSpace.Hosting.Tokens;

/// <summary>
/// Validates the space's access tokens with the standard JwtBearer handler: the broker is the
/// authority (its discovery document and JWKS give the issuer and keys, refreshed when an
/// unknown <c>kid</c> appears), and issuer, audience, lifetime, signature, algorithm (ES256) and
/// token type (<c>at+jwt</c>) are all checked. Claims keep their JWT names (<c>sub</c> stays
/// <c>sub</c>), and the validated token is kept on the identity (its <c>BootstrapContext</c>, set in
/// <c>OnTokenValidated</c>: replace <c>Events</c> and that is lost) so
/// <see cref="SpaceClaims.ToPolicySubject"/> can restore attributes with their exact JSON types.
/// A token validated once is remembered until it expires (<see cref="ValidatedTokenCache"/>).
/// </summary>
public static class SpaceJwtBearerExtensions
{
    /// <summary>Adds the default JwtBearer scheme, validating tokens of <paramref name="brokerUrl"/> for <paramref name="audience"/>.</summary>
    public static AuthenticationBuilder AddSpaceJwtBearer(this AuthenticationBuilder builder, string brokerUrl, string audience, Action<SpaceJwtBearerOptions>? configure = null) =>
        builder.AddSpaceJwtBearer(JwtBearerDefaults.AuthenticationScheme, brokerUrl, audience, configure);

    /// <summary>Adds a JwtBearer scheme named <paramref name="authenticationScheme"/> for the space's access tokens.</summary>
    public static AuthenticationBuilder AddSpaceJwtBearer(this AuthenticationBuilder builder, string authenticationScheme, string brokerUrl, string audience, Action<SpaceJwtBearerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        if (!Uri.TryCreate(brokerUrl, UriKind.Absolute, out var broker) || broker.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException($"The broker URL '{brokerUrl}' must be an absolute http(s) URL.", nameof(brokerUrl));
        }
        builder.AddJwtBearer(authenticationScheme, _ => { });
        // Configured when the options are first built, not now: a test's backchannel handler
        // exists only once its server has started.
        builder.Services.AddOptions<JwtBearerOptions>(authenticationScheme).Configure<IServiceProvider>((jwt, services) =>
        {
            var space = new SpaceJwtBearerOptions();
            configure?.Invoke(space);
            jwt.Authority = brokerUrl.TrimEnd('/');
            jwt.RequireHttpsMetadata = !(broker.IsLoopback || space.AllowHttpMetadata);
            jwt.BackchannelHttpHandler = space.BackchannelHandler;
            jwt.MapInboundClaims = false;
            // The token is kept on the identity (below), so the authentication properties need no
            // copy of it: saving one there costs a dictionary and its entries on every request.
            jwt.SaveToken = false;
            var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
            // A token is checked once, then remembered until it expires: clients resend it with every request.
            jwt.TokenHandlers.Clear();
            jwt.TokenHandlers.Add(new ValidatedTokenCache(clock, space.ClockSkew) { MapInboundClaims = jwt.MapInboundClaims });
            // Retry a failed metadata fetch (broker not up yet) or an unknown kid (key rotated)
            // after 30 s rather than the default 5 minutes.
            jwt.RefreshInterval = TimeSpan.FromSeconds(30);
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidAudience = audience,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                ValidateIssuerSigningKey = true,
                RequireSignedTokens = true,
                ValidAlgorithms = [SpaceTokenClaims.SigningAlgorithm],
                ValidTypes = [SpaceTokenClaims.AccessTokenType],
                ClockSkew = space.ClockSkew,
                NameClaimType = SpaceTokenClaims.Subject,
                LifetimeValidator = TokenLifetimeValidator.For(clock, space.ClockSkew),
            };
            if (space.LocalSigningKey is { } localKey)
            {
                jwt.Authority = null;
                jwt.TokenValidationParameters.IssuerSigningKey = localKey(services);
                jwt.TokenValidationParameters.ValidIssuer = space.LocalIssuer;
            }
            // JsonWebTokenHandler ignores SaveSigninToken: keep the validated token on the identity here.
            var tokenValidated = jwt.Events.OnTokenValidated;
            jwt.Events.OnTokenValidated = context =>
            {
                if (context.Principal?.Identity is ClaimsIdentity identity && context.SecurityToken is JsonWebToken token)
                {
                    identity.BootstrapContext ??= token.EncodedToken;
                }
                return tokenValidated(context);
            };
            // The 401's problem detail says why (StatusCodeProblems writes it); JwtBearer's own header only says invalid_token.
            var challenge = jwt.Events.OnChallenge;
            jwt.Events.OnChallenge = context =>
            {
                var broker = context.Options.Authority ?? context.Options.TokenValidationParameters.ValidIssuer;
                context.HttpContext.Features.Set(AccessTokenRefusal.Of(BearerToken(context.Request), context.AuthenticateFailure, broker));
                return challenge(context);
            };
        });
        return builder;
    }

    private static string? BearerToken(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    /// <summary>Adds authentication with the space's JwtBearer as the default scheme, and authorization.</summary>
    public static IServiceCollection AddSpaceJwtBearer(this IServiceCollection services, string brokerUrl, string audience, Action<SpaceJwtBearerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddSpaceJwtBearer(brokerUrl, audience, configure);
        services.AddAuthorization();
        return services;
    }
}
