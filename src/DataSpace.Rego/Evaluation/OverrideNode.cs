namespace DataSpace.Rego.Evaluation;

/// <summary>A trie of <c>with data.… as …</c> replacements, walked alongside the data tree.</summary>
internal sealed class OverrideNode
{
    public RegoValue? Value { get; set; }

    public Dictionary<string, OverrideNode> Children { get; } = new(StringComparer.Ordinal);

    public OverrideNode Clone()
    {
        var c = new OverrideNode { Value = Value };
        foreach (var (k, v) in Children)
        {
            c.Children[k] = v.Clone();
        }
        return c;
    }

    public void Set(IReadOnlyList<string> path, RegoValue value)
    {
        var node = this;
        foreach (var p in path)
        {
            if (!node.Children.TryGetValue(p, out var child))
            {
                child = new OverrideNode();
                node.Children[p] = child;
            }
            node = child;
        }
        node.Value = value;
        node.Children.Clear();
    }

    /// <summary>Applies the replacements below this node to a value (objects are created as needed).</summary>
    public RegoValue? Apply(RegoValue? value)
    {
        if (Value is not null)
        {
            return Value;
        }
        if (Children.Count == 0)
        {
            return value;
        }
        var map = value is RegoObject o ? new Dictionary<RegoValue, RegoValue>(o.Map) : [];
        foreach (var (k, child) in Children)
        {
            var key = new RegoString(k);
            map.TryGetValue(key, out var current);
            var patched = child.Apply(current);
            if (patched is not null)
            {
                map[key] = patched;
            }
        }
        return new RegoObject(map);
    }
}
