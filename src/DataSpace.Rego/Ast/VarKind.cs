namespace DataSpace.Rego.Ast;

/// <summary>What a variable name resolved to at compile time.</summary>
internal enum VarKind
{
    Unresolved,
    Local,
    Wildcard,
    Input,
    Data,
    Global,
}
