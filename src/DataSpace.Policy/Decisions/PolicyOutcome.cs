namespace DataSpace.Policy;

/// <summary>How an evaluation ended. Only <see cref="Defined"/> can ever allow.</summary>
public enum PolicyOutcome
{
    /// <summary>The document had a value (which may still be <c>false</c> or a deny).</summary>
    Defined,

    /// <summary>The document had no value: no rule produced one and there is no default. Denies.</summary>
    Undefined,

    /// <summary>The evaluation failed (policy error, timeout, unreachable server). Denies.</summary>
    Error,
}
