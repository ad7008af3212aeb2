namespace DataSpace.Hosting.Limits;

/// <summary>
/// Request limits of a DataSpace service, bound from the configuration section
/// <c>Hosting:Limits</c> (e.g. <c>Hosting__Limits__MaxRequestBodySize=2097152</c>).
/// </summary>
public sealed class RequestLimitsOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string Section = "Hosting:Limits";

    /// <summary>
    /// The largest request body, in bytes, of an endpoint that does not say otherwise (1 MiB):
    /// ample for JSON messages. Endpoints that receive assets raise it with
    /// <see cref="LargeBodyEndpointExtensions.AllowLargeBody{TBuilder}"/>.
    /// </summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>Requests one caller may make in one <see cref="RateLimitWindow"/> to endpoints under <see cref="RateLimitPolicies.PerCaller"/>.</summary>
    public int RateLimitPermits { get; set; } = 100;

    /// <summary>The window of the per-caller rate limit.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(1);
}
