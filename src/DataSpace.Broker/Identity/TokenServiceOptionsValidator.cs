using Microsoft.Extensions.Options;

namespace DataSpace.Broker.Identity;

/// <summary>Checks <see cref="TokenServiceOptions"/> at start and reports every problem at once.</summary>
internal sealed class TokenServiceOptionsValidator : IValidateOptions<TokenServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, TokenServiceOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.KeyDirectory))
        {
            errors.Add("KeyDirectory is required: the folder that keeps the token signing key across restarts.");
        }
        if (options.Issuer is { } issuer && (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || issuer.EndsWith('/')))
        {
            errors.Add($"Issuer '{issuer}' must be an absolute http(s) URL without a trailing slash.");
        }
        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            errors.Add("Audience must not be empty.");
        }
        if (options.AccessTokenLifetime <= TimeSpan.Zero || options.AccessTokenLifetime > TimeSpan.FromDays(1))
        {
            errors.Add("AccessTokenLifetime must be positive and at most one day.");
        }
        if (options.MaxAssertionLifetime <= TimeSpan.Zero || options.ClockSkew < TimeSpan.Zero)
        {
            errors.Add("MaxAssertionLifetime must be positive and ClockSkew not negative.");
        }
        if (options.ReplayCacheCapacity <= 0 || options.RateLimitPermits <= 0 || options.RateLimitWindow <= TimeSpan.Zero)
        {
            errors.Add("ReplayCacheCapacity, RateLimitPermits and RateLimitWindow must be positive.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
