using System.Diagnostics.CodeAnalysis;

namespace DataSpace.Rego;

/// <summary>
/// One solution's bindings: the query's visible variable names (shared by every solution of the
/// query) and their values, looked up by a scan. Queries name a handful of variables, so this is
/// lighter than a dictionary per solution; enumeration is in the query's variable order.
/// </summary>
internal sealed class QueryBindings(string[] names, RegoValue[] values) : IReadOnlyDictionary<string, RegoValue>
{
    public RegoValue this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"'{key}' is not bound in this solution.");

    public IEnumerable<string> Keys => names;

    public IEnumerable<RegoValue> Values => values;

    public int Count => names.Length;

    public bool ContainsKey(string key) => Array.IndexOf(names, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out RegoValue value)
    {
        var i = Array.IndexOf(names, key);
        value = i >= 0 ? values[i] : null;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, RegoValue>> GetEnumerator()
    {
        for (var i = 0; i < names.Length; i++)
        {
            yield return new KeyValuePair<string, RegoValue>(names[i], values[i]);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
