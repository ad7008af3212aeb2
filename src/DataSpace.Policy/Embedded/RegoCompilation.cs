using System.Text.Json.Nodes;
using DataSpace.Rego;

namespace DataSpace.Policy;

/// <summary>Compiles modules and data with DataSpace.Rego, turning compile errors into <see cref="PolicyLoadException"/>.</summary>
internal static class RegoCompilation
{
    /// <summary>Compiles modules that all use <paramref name="version"/>.</summary>
    public static RegoEngine Compile(IReadOnlyDictionary<string, string> modules, JsonObject data, RegoVersion version) =>
        Compile(modules.Select(m => new RegoModule(m.Key, m.Value, version)), data);

    /// <summary>Compiles modules that each carry their own Rego version (a bundle's <c>file_rego_versions</c>).</summary>
    public static RegoEngine Compile(IEnumerable<RegoModule> modules, JsonObject data)
    {
        try
        {
            return RegoEngine.Compile(modules, data);
        }
        catch (RegoCompileException e)
        {
            throw new PolicyLoadException(e.Diagnostics.Select(ToProblem).ToList(), e);
        }
        catch (RegoException e)
        {
            throw new PolicyLoadException([new PolicyProblem(e.Code, e.Detail, e.Location?.File, e.Location?.Line ?? 0, e.Location?.Column ?? 0)], e);
        }
    }

    public static PolicyProblem ToProblem(Diagnostic d) =>
        new(d.Code, d.Message, d.Location?.File, d.Location?.Line ?? 0, d.Location?.Column ?? 0);
}
