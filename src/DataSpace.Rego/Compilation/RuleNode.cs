using DataSpace.Rego.Ast;

namespace DataSpace.Rego.Compilation;

/// <summary>
/// A node of the virtual document tree under <c>data</c>: packages and rule paths. Rules are
/// indexed here by their static path so lookups never scan modules.
/// </summary>
internal sealed class RuleNode(string[] path)
{
    public string[] Path { get; } = path;

    /// <summary>The node's number in its tree (see <see cref="Number"/>), which indexes per-evaluation rule values.</summary>
    public int Id { get; private set; }

    /// <summary>Numbers this node and those below it from <paramref name="next"/>; returns the next free number.</summary>
    public int Number(int next = 0)
    {
        Id = next++;
        foreach (var child in Children.Values)
        {
            next = child.Number(next);
        }
        return next;
    }

    public Dictionary<string, RuleNode> Children { get; } = new(StringComparer.Ordinal);

    /// <summary>Set by the evaluator on first use: 1 when the node is a partial set whose members can be streamed to a search (see <c>Evaluator.Stream.cs</c>), 2 when not.</summary>
    public byte Streamable { get; set; }

    public List<Rule> Complete { get; } = [];

    public List<Rule> Sets { get; } = [];

    /// <summary>Rules with a dynamic ref head rooted here (<c>p[k] := v</c>).</summary>
    public List<Rule> Objects { get; } = [];

    public List<Rule> Functions { get; } = [];

    public Rule? Default { get; set; }

    /// <summary>True when the node's value comes from complete or partial-set rules alone.</summary>
    public bool IsLeaf => Complete.Count > 0 || Sets.Count > 0 || Default is { Head.Args: null };

    public bool IsFunction => Functions.Count > 0 || Default is { Head.Args: not null };

    public string DottedPath => "data." + string.Join('.', Path);

    public RuleNode GetOrAdd(string name)
    {
        if (!Children.TryGetValue(name, out var child))
        {
            child = new RuleNode([.. Path, name]);
            Children[name] = child;
        }
        return child;
    }

    public RuleNode? Find(IReadOnlyList<string> path)
    {
        var node = this;
        foreach (var p in path)
        {
            if (!node.Children.TryGetValue(p, out node))
            {
                return null;
            }
        }
        return node;
    }
}
