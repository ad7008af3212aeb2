namespace DataSpace.Rego.Builtins;

/// <summary>Comparison operators and membership (<c>==</c>, <c>&lt;</c>, <c>in</c>, …) and <c>print</c>.</summary>
internal static class ComparisonBuiltins
{
    public static void Register(Registrar r)
    {
        r.Add("equal", 2, a => RegoBoolean.Of(a[0].Equals(a[1])));
        r.Add("neq", 2, a => RegoBoolean.Of(!a[0].Equals(a[1])));
        r.Add("lt", 2, a => RegoBoolean.Of(a[0].CompareTo(a[1]) < 0));
        r.Add("lte", 2, a => RegoBoolean.Of(a[0].CompareTo(a[1]) <= 0));
        r.Add("gt", 2, a => RegoBoolean.Of(a[0].CompareTo(a[1]) > 0));
        r.Add("gte", 2, a => RegoBoolean.Of(a[0].CompareTo(a[1]) >= 0));
        r.Add("internal.member_2", 2, a => RegoBoolean.Of(Member(a[0], a[1])));
        r.Add("internal.member_3", 3, a => RegoBoolean.Of(Member3(a[0], a[1], a[2])));
        r.Add("print", -1, _ => RegoBoolean.True);
        r.Add("internal.print", -1, _ => RegoBoolean.True);
    }

    /// <summary><c>x in coll</c>: an array's or object's value, or a set's element, equal to <paramref name="x"/>.</summary>
    internal static bool Member(RegoValue x, RegoValue coll)
    {
        switch (coll)
        {
            case RegoArray a:
                foreach (var item in a.Raw)
                {
                    if (item.Equals(x))
                    {
                        return true;
                    }
                }
                return false;
            case RegoSet s:
                return s.Contains(x);
            case RegoObject o:
                return o.ContainsValue(x);
            default:
                return false;
        }
    }

    private static bool Member3(RegoValue key, RegoValue value, RegoValue coll) => coll switch
    {
        RegoArray a => key is RegoNumber n && n.TryGetInt32(out var i) && i >= 0 && i < a.Count && a[i].Equals(value),
        RegoObject o => o.TryGetValue(key, out var v) && v.Equals(value),
        RegoSet s => key.Equals(value) && s.Contains(key),
        _ => false,
    };
}
