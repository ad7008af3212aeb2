namespace DataSpace.Rego;

/// <summary>Modules failed to parse or compile; <see cref="Diagnostics"/> lists every problem found.</summary>
public sealed class RegoCompileException : RegoException
{
    /// <summary>Creates the error from the collected diagnostics (at least one).</summary>
    public RegoCompileException(IReadOnlyList<Diagnostic> diagnostics)
        : base(diagnostics[0].Code, string.Join("; ", diagnostics.Select(d => d.ToString())), null)
    {
        Diagnostics = diagnostics;
    }

    /// <summary>All problems, in source order per module.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
