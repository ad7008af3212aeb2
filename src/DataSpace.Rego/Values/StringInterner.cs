namespace DataSpace.Rego;

/// <summary>
/// Rebuilds a value so that equal strings share one <see cref="RegoString"/> instance. Base data is
/// interned once at compile time: object keys such as <c>"action"</c> repeat in every element of a
/// collection, and sorting a set of such objects (OPA iterates sets in order) then compares keys by
/// reference instead of character by character.
/// </summary>
internal sealed class StringInterner
{
    private readonly Dictionary<string, RegoString> _strings = new(StringComparer.Ordinal);

    public static RegoValue Intern(RegoValue value) => new StringInterner().Visit(value);

    private RegoValue Visit(RegoValue value)
    {
        switch (value)
        {
            case RegoString s:
                if (_strings.TryGetValue(s.Value, out var shared))
                {
                    return shared;
                }
                _strings[s.Value] = s;
                return s;
            case RegoArray a:
                {
                    var items = new RegoValue[a.Count];
                    for (var i = 0; i < items.Length; i++)
                    {
                        items[i] = Visit(a[i]);
                    }
                    return new RegoArray(items);
                }
            case RegoObject o:
                {
                    var entries = o.SortedEntries.Select(e => new KeyValuePair<RegoValue, RegoValue>(Visit(e.Key), Visit(e.Value))).ToArray();
                    return RegoObject.FromDistinct(entries, sort: true);
                }
            case RegoSet set:
                {
                    var items = new HashSet<RegoValue>(set.Count);
                    foreach (var item in set.Set)
                    {
                        items.Add(Visit(item));
                    }
                    return new RegoSet(items);
                }
            default:
                return value;
        }
    }
}
