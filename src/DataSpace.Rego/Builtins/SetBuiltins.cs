namespace DataSpace.Rego.Builtins;

/// <summary>Set operations: <c>&amp;</c>, <c>|</c>, <c>intersection</c>, <c>union</c>.</summary>
internal static class SetBuiltins
{
    public static void Register(Registrar r)
    {
        r.Add("and", 2, a =>
        {
            var x = Args.Set(a, 0, "and");
            var y = Args.Set(a, 1, "and");
            return new RegoSet(x.Items.Where(y.Contains));
        });
        r.Add("or", 2, a => new RegoSet([.. Args.Set(a, 0, "or").Items, .. Args.Set(a, 1, "or").Items]));
        r.Add("intersection", 1, a =>
        {
            var sets = SetOfSets(a, "intersection");
            if (sets.Count == 0)
            {
                return RegoSet.Empty;
            }
            var acc = new HashSet<RegoValue>(sets[0].Items);
            foreach (var s in sets.Skip(1))
            {
                acc.IntersectWith(s.Items);
            }
            return new RegoSet(acc);
        });
        r.Add("union", 1, a => new RegoSet(SetOfSets(a, "union").SelectMany(s => s.Items)));
    }

    private static List<RegoSet> SetOfSets(RegoValue[] a, string fn)
    {
        var outer = Args.Set(a, 0, fn);
        var list = new List<RegoSet>();
        foreach (var item in outer.Items)
        {
            list.Add(item as RegoSet ?? throw Args.TypeError(fn, 0, "set of sets", a[0]));
        }
        return list;
    }
}
