using System.Text.Json.Nodes;
using DataSpace.Rego;

namespace DataSpace.Policy.Server;

/// <summary>
/// The server's policies (id → Rego source) and base data. Writes are serialised and recompile;
/// a write that does not compile is refused and changes nothing. Reads take the current snapshot.
/// </summary>
internal sealed class PolicyStore
{
    private readonly Lock _gate = new();
    private readonly RegoVersion _version;
    private SortedDictionary<string, string> _modules;
    private JsonObject _data;
    private volatile PolicySnapshot _snapshot;

    /// <exception cref="PolicyLoadException">The initial bundle does not compile.</exception>
    public PolicyStore(PolicyBundle? bundle, RegoVersion defaultVersion)
    {
        _version = bundle?.Modules.Count > 0 ? bundle.RegoVersion : defaultVersion;
        _modules = new SortedDictionary<string, string>(bundle?.Modules.ToDictionary() ?? [], StringComparer.Ordinal);
        _data = bundle?.Data ?? [];
        _snapshot = new PolicySnapshot(RegoCompilation.Compile(_modules, _data, _version));
    }

    public PolicySnapshot Current => _snapshot;

    public IReadOnlyList<KeyValuePair<string, string>> Policies
    {
        get
        {
            lock (_gate)
            {
                return _modules.ToList();
            }
        }
    }

    public string? GetPolicy(string id)
    {
        lock (_gate)
        {
            return _modules.GetValueOrDefault(id);
        }
    }

    public OpaError? PutPolicy(string id, string source) =>
        Change(modules => modules[id] = source, null);

    public OpaError? DeletePolicy(string id)
    {
        lock (_gate)
        {
            if (!_modules.ContainsKey(id))
            {
                return OpaError.NotFound($"storage_not_found_error: policy id \"{id}\"");
            }
        }
        return Change(modules => modules.Remove(id), null);
    }

    public OpaError? ChangeData(Func<JsonObject, OpaError?> change) => Change(null, change);

    private OpaError? Change(Action<SortedDictionary<string, string>>? changeModules, Func<JsonObject, OpaError?>? changeData)
    {
        lock (_gate)
        {
            var modules = new SortedDictionary<string, string>(_modules, StringComparer.Ordinal);
            var data = changeData is null ? _data : (JsonObject)_data.DeepClone();
            changeModules?.Invoke(modules);
            if (changeData?.Invoke(data) is { } refused)
            {
                return refused;
            }
            try
            {
                var engine = RegoCompilation.Compile(modules, data, _version);
                _modules = modules;
                _data = data;
                _snapshot = new PolicySnapshot(engine);
                return null;
            }
            catch (PolicyLoadException e)
            {
                return OpaError.FromProblems("error(s) occurred while compiling module(s)", e.Problems);
            }
        }
    }
}
