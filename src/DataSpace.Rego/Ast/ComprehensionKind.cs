namespace DataSpace.Rego.Ast;

internal enum ComprehensionKind
{
    Array,
    Set,
    Object,
}
