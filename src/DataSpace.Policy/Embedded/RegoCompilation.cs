using System.Text.Json.Nodes;
using DataSpace.Rego;

namespace DataSpace.Policy;

/// <summary>Compiles modules and data with DataSpace.Rego, turning compile errors into <see cref="PolicyLoadException"/>.</summary>
internal static class RegoCompilation
{
    public static RegoEngine Compile(IReadOnlyDictionary<string, string> modules, JsonObject data, RegoVersion version)
    {
        try
        {
            return RegoEngine.Compile(modules, data, version);
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
