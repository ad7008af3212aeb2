namespace DataSpace.Rego;

/// <summary>The Rego dialect a module is written in.</summary>
public enum RegoVersion
{
    /// <summary>Rego v1 (OPA 1.x): <c>if</c> and <c>contains</c> are required.</summary>
    V1,

    /// <summary>Rego v0 (OPA 0.x): bodies without <c>if</c>, <c>p[x] { … }</c> defines a partial set.</summary>
    V0,
}
