namespace DataSpace.Policy;

/// <summary>
/// Policies could not be loaded: an unreadable or malformed bundle, a bad manifest, or Rego that does
/// not parse or compile. <see cref="Problems"/> lists every problem found, with file, line and column where known.
/// </summary>
public sealed class PolicyLoadException : Exception
{
    /// <summary>Creates the error from its problems (at least one).</summary>
    public PolicyLoadException(IReadOnlyList<PolicyProblem> problems, Exception? inner = null)
        : base(string.Join(Environment.NewLine, problems.Select(p => p.ToString())), inner)
    {
        if (problems.Count == 0)
        {
            throw new ArgumentException("at least one problem is required.", nameof(problems));
        }
        Problems = problems;
    }

    /// <summary>Creates the error from one problem without a location.</summary>
    public PolicyLoadException(string code, string message, string? file = null, Exception? inner = null)
        : this([new PolicyProblem(code, message, file, 0, 0)], inner)
    {
    }

    /// <summary>Every problem, in file order.</summary>
    public IReadOnlyList<PolicyProblem> Problems { get; }
}
