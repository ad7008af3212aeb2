using DataSpace.Rego;

namespace DataSpace.Policy;

/// <summary>How to read a bundle.</summary>
public sealed record PolicyBundleOptions
{
    /// <summary>Shared defaults: Rego v1, 256 MiB.</summary>
    public static PolicyBundleOptions Default { get; } = new();

    /// <summary>The Rego version of modules the manifest says nothing about (<c>--v0-compatible</c> sets V0).</summary>
    public RegoVersion DefaultRegoVersion { get; init; } = RegoVersion.V1;

    /// <summary>The most bytes the bundle's files may hold in total, so a hostile archive cannot exhaust memory.</summary>
    public long MaxBytes { get; init; } = 256L * 1024 * 1024;
}
