namespace DataSpace.Rego;

/// <summary>
/// Makes equal strings share one <see cref="RegoString"/> (and so one .NET string): a policy's
/// literals, as the parser meets them, and its base data, interned once at compile time. Object
/// keys such as <c>"action"</c> repeat in every element of a collection, so sorting a set of such
/// objects (OPA iterates sets in order) compares keys by reference, and a reference such as
/// <c>grant.action</c> finds its key in the data by reference instead of character by character.
/// Frozen once the policy is compiled: queries prepared later (from any thread) only look strings up.
/// </summary>
internal sealed class StringInterner
{
    private readonly Dictionary<string, RegoString> _strings = new(StringComparer.Ordinal);
    private bool _frozen;

    /// <summary>A one-off interner for a single value.</summary>
    public static RegoValue Intern(RegoValue value) => new StringInterner().InternValue(value);

    /// <summary>The shared string for <paramref name="text"/>; a new one, remembered unless frozen, when there is none.</summary>
    public RegoString String(string text)
    {
        if (_strings.TryGetValue(text, out var shared))
        {
            return shared;
        }
        var s = new RegoString(text);
        if (!_frozen)
        {
            _strings[text] = s;
        }
        return s;
    }

    /// <summary>Rebuilds a value with its strings shared.</summary>
    public RegoValue InternValue(RegoValue value) => Visit(value);

    /// <summary>No more strings are added; lookups are then safe from any thread.</summary>
    public void Freeze() => _frozen = true;

    private RegoValue Visit(RegoValue value)
    {
        switch (value)
        {
            case RegoString s:
                if (_strings.TryGetValue(s.Value, out var shared))
                {
                    return shared;
                }
                if (!_frozen)
                {
                    _strings[s.Value] = s;
                }
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
