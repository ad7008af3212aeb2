namespace DataSpace.Rego.Builtins;

/// <summary>A builtin returning one value, or null for undefined.</summary>
internal delegate RegoValue? BuiltinFunc(RegoValue[] args, BuiltinContext context);

/// <summary>A builtin that may produce several values (e.g. <c>walk</c>).</summary>
internal delegate IEnumerable<RegoValue> BuiltinRelation(RegoValue[] args, BuiltinContext context);

/// <summary>A registered builtin: its OPA name, arity and implementation.</summary>
internal sealed record BuiltinFunction(string Name, int Arity, BuiltinFunc? Function, BuiltinRelation? Relation = null);
