namespace DataSpace.Rego.Compilation;

/// <summary>A lexical scope for local variables: a rule body, a comprehension or an <c>every</c> body.</summary>
internal sealed class Scope(Scope? parent)
{
    private readonly Dictionary<string, int> _vars = new(StringComparer.Ordinal);

    public Scope? Parent { get; } = parent;

    /// <summary>Slots used from enclosing scopes; they must be bound before this scope runs.</summary>
    public HashSet<int> Closure { get; } = [];

    public void Declare(string name, int slot) => _vars[name] = slot;

    public bool TryLookupLocal(string name, out int slot) => _vars.TryGetValue(name, out slot);

    /// <summary>Finds a variable, recording closure use when it comes from an enclosing scope.</summary>
    public bool TryLookup(string name, out int slot)
    {
        for (var s = this; s is not null; s = s.Parent)
        {
            if (s._vars.TryGetValue(name, out slot))
            {
                for (var c = this; c != s; c = c.Parent!)
                {
                    c.Closure.Add(slot);
                }
                return true;
            }
        }
        slot = -1;
        return false;
    }
}
