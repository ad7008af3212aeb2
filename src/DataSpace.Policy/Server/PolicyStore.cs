using System.Text.Json.Nodes;
using DataSpace.Rego;

namespace DataSpace.Policy.Server;

/// <summary>
/// The server's policies (id → Rego module) and base data. Writes are serialised and recompile;
/// a write that does not compile is refused and changes nothing. Reads take the current snapshot.
/// Bundle modules keep their own Rego version; modules written through the API get the server's.
/// </summary>
internal sealed class PolicyStore
{
    private readonly Lock _gate = new();
    private readonly RegoVersion _defaultVersion;
    private SortedDictionary<string, RegoModule> _modules;
    private JsonObject _data;
    private volatile PolicySnapshot _snapshot;

    /// <exception cref="PolicyLoadException">The initial bundle does not compile.</exception>
    public PolicyStore(PolicyBundle? bundle, RegoVersion defaultVersion)
    {
        _defaultVersion = defaultVersion;
        _modules = new SortedDictionary<string, RegoModule>(bundle?.RegoModules.ToDictionary(m => m.Name) ?? [], StringComparer.Ordinal);
        _data = bundle?.Data ?? [];
        _snapshot = new PolicySnapshot(RegoCompilation.Compile(_modules.Values, _data));
    }

    public PolicySnapshot Current => _snapshot;

    public IReadOnlyList<KeyValuePair<string, string>> Policies
    {
        get
        {
            lock (_gate)
            {
                return _modules.Select(m => KeyValuePair.Create(m.Key, m.Value.Source)).ToList();
            }
        }
    }

    public string? GetPolicy(string id)
    {
        lock (_gate)
        {
            return _modules.GetValueOrDefault(id)?.Source;
        }
    }

    public OpaError? PutPolicy(string id, string source) =>
        Change(modules => modules[id] = new RegoModule(id, source, _defaultVersion), null);

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

    private OpaError? Change(Action<SortedDictionary<string, RegoModule>>? changeModules, Func<JsonObject, OpaError?>? changeData)
    {
        lock (_gate)
        {
            var modules = new SortedDictionary<string, RegoModule>(_modules, StringComparer.Ordinal);
            var data = changeData is null ? _data : (JsonObject)_data.DeepClone();
            changeModules?.Invoke(modules);
            if (changeData?.Invoke(data) is { } refused)
            {
                return refused;
            }
            try
            {
                var engine = RegoCompilation.Compile(modules.Values, data);
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
