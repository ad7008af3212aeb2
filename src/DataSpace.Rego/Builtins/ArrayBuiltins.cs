namespace DataSpace.Rego.Builtins;

/// <summary><c>array.*</c>.</summary>
internal static class ArrayBuiltins
{
    public static void Register(Registrar r)
    {
        r.Add("array.concat", 2, a => new RegoArray([.. Args.Array(a, 0, "array.concat").Items, .. Args.Array(a, 1, "array.concat").Items]));
        r.Add("array.reverse", 1, a => new RegoArray(Args.Array(a, 0, "array.reverse").Items.Reverse()));
        r.Add("array.slice", 3, Slice);
        r.Add("array.flatten", 1, a => new RegoArray(Flatten(Args.Array(a, 0, "array.flatten")).ToArray()));
    }

    private static IEnumerable<RegoValue> Flatten(RegoArray a) =>
        a.Items.SelectMany(i => i is RegoArray inner ? inner.Items : [i]);

    private static RegoValue Slice(RegoValue[] a)
    {
        var arr = Args.Array(a, 0, "array.slice");
        var start = (long)System.Numerics.BigInteger.Max(Args.Integer(a, 1, "array.slice"), 0);
        var stop = (long)System.Numerics.BigInteger.Min(Args.Integer(a, 2, "array.slice"), arr.Count);
        if (start >= stop || start >= arr.Count)
        {
            return RegoArray.Empty;
        }
        return new RegoArray(arr.Items.Skip((int)start).Take((int)(stop - start)));
    }
}
