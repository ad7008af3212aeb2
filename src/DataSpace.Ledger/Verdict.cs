namespace DataSpace.Ledger;

/// <summary>
/// The outcome of a verification: valid, or invalid with the reason why. Verifiers return a
/// verdict instead of throwing so that an auditor can report every failure with its cause;
/// misuse (null arguments) still throws.
/// </summary>
/// <param name="IsValid">Whether the checked object verified.</param>
/// <param name="Reason">Why it did not verify; <c>null</c> when <paramref name="IsValid"/> is true.</param>
public readonly record struct Verdict(bool IsValid, string? Reason)
{
    /// <summary>The successful verdict.</summary>
    public static Verdict Valid => new(true, null);

    /// <summary>A failed verdict with its reason.</summary>
    public static Verdict Invalid(string reason) => new(false, reason);

    /// <inheritdoc/>
    public override string ToString() => IsValid ? "valid" : $"invalid: {Reason}";
}
