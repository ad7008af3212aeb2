namespace DataSpace.Rego.Builtins;

/// <summary>Collects builtin registrations.</summary>
internal sealed class Registrar
{
    public Dictionary<string, BuiltinFunction> Functions { get; } = new(StringComparer.Ordinal);

    public void Add(string name, int arity, BuiltinFunc fn) => Functions[name] = new BuiltinFunction(name, arity, fn);

    public void Add(string name, int arity, Func<RegoValue[], RegoValue?> fn) => Functions[name] = new BuiltinFunction(name, arity, (a, _) => fn(a));

    public void Relation(string name, int arity, BuiltinRelation fn) => Functions[name] = new BuiltinFunction(name, arity, null, fn);
}
