using DataSpace.Rego.Ast;

namespace DataSpace.Rego.Evaluation;

/// <summary>A <c>with f as …</c> replacement: a constant value, another function, or a builtin.</summary>
internal sealed record FunctionMock(RegoValue? Constant, string[]? FunctionPath, string? BuiltinName);
