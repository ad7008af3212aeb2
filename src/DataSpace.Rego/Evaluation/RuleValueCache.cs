using DataSpace.Rego.Compilation;

namespace DataSpace.Rego.Evaluation;

/// <summary>
/// Rule values computed in one <c>with</c> scope. The root scope, reused by every evaluation on a
/// thread, keeps them in an array indexed by <see cref="RuleNode.Id"/> and forgets only the entries
/// it filled; a scope made for a <c>with</c> lives for one expression and uses a dictionary instead,
/// so it never allocates an array the size of the policy.
/// </summary>
internal sealed class RuleValueCache
{
    // Largest policy (in rule-tree nodes) whose values the root scope indexes by id.
    private const int MaxIndexedNodes = 1 << 16;

    // Stands for a rule computed as undefined, since null means "not computed".
    private static readonly RegoValue Undefined = new RegoString("<undefined>");

    private readonly bool _indexed;
    private RegoValue?[] _byId = [];
    private readonly List<int> _filled = [];
    private Dictionary<RuleNode, RegoValue>? _byNode;

    public RuleValueCache(bool indexed) => _indexed = indexed;

    /// <summary>Makes room for a policy's nodes; call before the first evaluation against it.</summary>
    public void Prepare(int nodeCount)
    {
        if (_indexed && nodeCount <= MaxIndexedNodes && _byId.Length < nodeCount)
        {
            _byId = new RegoValue?[nodeCount];
        }
    }

    public bool TryGetValue(RuleNode node, out RegoValue? value)
    {
        var stored = node.Id < _byId.Length ? _byId[node.Id] : _byNode?.GetValueOrDefault(node);
        value = ReferenceEquals(stored, Undefined) ? null : stored;
        return stored is not null;
    }

    public void Set(RuleNode node, RegoValue? value)
    {
        var stored = value ?? Undefined;
        if (node.Id < _byId.Length)
        {
            if (_byId[node.Id] is null)
            {
                _filled.Add(node.Id);
            }
            ValueSlots.Store(_byId, node.Id, stored);
            return;
        }
        (_byNode ??= [])[node] = stored;
    }

    public void Remove(RuleNode node)
    {
        if (node.Id < _byId.Length)
        {
            _byId[node.Id] = null;
            return;
        }
        _byNode?.Remove(node);
    }

    public void Clear()
    {
        foreach (var id in _filled)
        {
            _byId[id] = null;
        }
        _filled.Clear();
        _byNode = null;
    }
}
