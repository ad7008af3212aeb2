namespace DataSpace.Rego.Ast;

/// <summary>A rule: head, body (empty means true) and an optional <c>else</c> chain.</summary>
internal sealed class Rule(RuleHead head, Body body, SourceLocation location) : Node(location)
{
    public RuleHead Head { get; } = head;

    public Body Body { get; } = body;

    public bool IsDefault { get; init; }

    public Rule? Else { get; set; }

    /// <summary>Set by the compiler: the module this rule belongs to.</summary>
    public Module Module { get; set; } = null!;

    /// <summary>Frame size: the number of local variable slots, set by the compiler.</summary>
    public int SlotCount { get; set; }

    /// <summary>Slot names, for diagnostics.</summary>
    public List<string> SlotNames { get; } = [];
}
