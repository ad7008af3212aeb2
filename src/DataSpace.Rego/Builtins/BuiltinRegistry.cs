namespace DataSpace.Rego.Builtins;

/// <summary>All builtins by OPA name. Each namespace registers itself from its own file.</summary>
internal static class BuiltinRegistry
{
    private static readonly Dictionary<string, BuiltinFunction> All = Build();

    public static bool TryGet(string name, out BuiltinFunction builtin) => All.TryGetValue(name, out builtin!);

    public static IEnumerable<string> Names => All.Keys;

    private static Dictionary<string, BuiltinFunction> Build()
    {
        var r = new Registrar();
        ComparisonBuiltins.Register(r);
        NumberBuiltins.Register(r);
        AggregateBuiltins.Register(r);
        ArrayBuiltins.Register(r);
        SetBuiltins.Register(r);
        TypeBuiltins.Register(r);
        StringBuiltins.Register(r);
        ObjectBuiltins.Register(r);
        EncodingBuiltins.Register(r);
        JsonBuiltins.Register(r);
        RegexBuiltins.Register(r);
        GlobBuiltins.Register(r);
        TimeBuiltins.Register(r);
        UnitsBuiltins.Register(r);
        NetBuiltins.Register(r);
        SemverBuiltins.Register(r);
        CryptoBuiltins.Register(r);
        GraphBuiltins.Register(r);
        UuidBuiltins.Register(r);
        JwtBuiltins.Register(r);
        CryptoX509Builtins.Register(r);
        UnsupportedBuiltins.Register(r);
        return r.Functions;
    }
}
