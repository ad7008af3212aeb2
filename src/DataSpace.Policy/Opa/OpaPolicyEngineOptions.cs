namespace DataSpace.Policy;

/// <summary>Where the OPA server is and how long to wait for it.</summary>
public sealed class OpaPolicyEngineOptions
{
    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:8181/</c>.</summary>
    public Uri BaseAddress { get; set; } = new("http://127.0.0.1:8181/");

    /// <summary>Limit for one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Limit for a whole decision, retries included; past it the decision is an error (deny).</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries after a transient failure (connection refused, 5xx, 408, 429, attempt timeout).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Delay before the first retry; later ones back off exponentially with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The digest of the bundle the server runs, when it is deployed with the server (e.g. an OPA sidecar
    /// with a bundle); <see cref="OpaPolicyEngine.LoadBundleAsync"/> sets it for bundles pushed from here.
    /// </summary>
    public string? BundleDigest { get; set; }

    /// <summary>Ask the server for strict builtin errors (<c>?strict-builtin-errors=true</c>).</summary>
    public bool StrictBuiltinErrors { get; set; }
}
