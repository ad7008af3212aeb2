namespace DataSpace.Rego.Builtins;

/// <summary>Aggregates: <c>count</c>, <c>sum</c>, <c>product</c>, <c>max</c>, <c>min</c>, <c>sort</c>, <c>all</c>, <c>any</c>.</summary>
internal static class AggregateBuiltins
{
    public static void Register(Registrar r)
    {
        r.Add("count", 1, Count);
        r.Add("sum", 1, a => Numbers(a, "sum").Aggregate(RegoNumber.Zero, RegoNumber.Add));
        r.Add("product", 1, a => Numbers(a, "product").Aggregate(RegoNumber.One, RegoNumber.Multiply));
        r.Add("max", 1, a => Collection(a, "max") is { Count: > 0 } c ? c.Max() : null);
        r.Add("min", 1, a => Collection(a, "min") is { Count: > 0 } c ? c.Min() : null);
        r.Add("sort", 1, a =>
        {
            var items = Args.Collection(a, 0, "sort").ToArray();
            Array.Sort(items);
            return new RegoArray(items);
        });
        r.Add("all", 1, a => RegoBoolean.Of(Args.Collection(a, 0, "all").All(v => v.IsTrue)));
        r.Add("any", 1, a => RegoBoolean.Of(Args.Collection(a, 0, "any").Any(v => v.IsTrue)));
    }

    private static RegoValue Count(RegoValue[] a) => a[0] switch
    {
        RegoArray x => RegoNumber.Of(x.Count),
        RegoSet x => RegoNumber.Of(x.Count),
        RegoObject x => RegoNumber.Of(x.Count),
        RegoString s => RegoNumber.Of(s.Value.EnumerateRunes().Count()),
        _ => throw Args.TypeError("count", 0, "one of {array, object, set, string}", a[0]),
    };

    private static IReadOnlyList<RegoValue> Collection(RegoValue[] a, string fn) => a[0] switch
    {
        RegoArray x => x.Items,
        RegoSet x => x.Items,
        _ => throw Args.TypeError(fn, 0, "one of {array, set}", a[0]),
    };

    private static IEnumerable<RegoNumber> Numbers(RegoValue[] a, string fn)
    {
        var items = Collection(a, fn);
        var result = new List<RegoNumber>(items.Count);
        foreach (var v in items)
        {
            result.Add(v as RegoNumber ?? throw Args.TypeError(fn, 0, "one of {array, set} of numbers", a[0]));
        }
        return result;
    }
}
