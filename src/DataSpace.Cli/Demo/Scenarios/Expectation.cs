namespace DataSpace.Cli.Demo.Scenarios;

/// <summary>
/// What scenario.json says must happen to an action: <c>"expect": "allow" | "deny"</c> and, optionally,
/// <c>"because"</c>: texts that must each appear in the reason (e.g. the rule number <c>"R4 export"</c>).
/// </summary>
/// <param name="Decision">The expected decision (never <see cref="Decision.Error"/>).</param>
/// <param name="Because">Texts the reason must contain.</param>
internal sealed record Expectation(Decision Decision, IReadOnlyList<string> Because)
{
    /// <summary>Setup steps (start, onboard, register, publish) must simply work.</summary>
    public static Expectation Allow { get; } = new(Decision.Allow, []);

    /// <summary>Null when <paramref name="outcome"/> is what was expected; otherwise what differs, in words (the reason itself is shown beside it).</summary>
    public string? Mismatch(Outcome outcome)
    {
        if (outcome.Decision != Decision)
        {
            return $"expected {Name(Decision)}{(Because.Count > 0 ? $" because of \"{string.Join("\", \"", Because)}\"" : "")}, not {Name(outcome.Decision)}";
        }
        var missing = Because.Where(b => !outcome.Reason.Contains(b, StringComparison.OrdinalIgnoreCase)).ToList();
        return missing.Count == 0 ? null : $"{Name(Decision)} as expected, but the reason does not mention \"{string.Join("\", \"", missing)}\"";
    }

    public static string Name(Decision decision) => decision switch
    {
        Decision.Allow => "allow",
        Decision.Deny => "deny",
        _ => "an error",
    };
}
