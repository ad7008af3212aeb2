using System.Text;
using BenchmarkDotNet.Attributes;
using DataSpace.Policy;

namespace DataSpace.Benchmarks.Policy;

/// <summary>
/// Load and compile time for 1,000 rules: a bundle of ten modules with 100 rules each (every rule
/// reads input and data, as real grant rules do), read, digested and compiled by
/// <see cref="EmbeddedPolicyEngine.Create"/> — what a service pays at start or on a policy update.
/// </summary>
[MemoryDiagnoser]
public class RuleCompileBenchmarks
{
    private const int Modules = 10;
    private const int RulesPerModule = 100;
    private BundleFile[] _files = [];

    [GlobalSetup]
    public void Setup()
    {
        _files = Enumerable.Range(0, Modules).Select(m => new BundleFile($"bench/m{m}.rego", Encoding.UTF8.GetBytes(Module(m)))).ToArray();
    }

    [Benchmark(Description = "load + compile 1,000 rules")]
    public int LoadAndCompile() => EmbeddedPolicyEngine.Create(PolicyBundle.FromFiles(_files)).Rego.Rules.Count;

    private static string Module(int m)
    {
        var sb = new StringBuilder($"package bench.m{m}\n\n");
        for (var r = 0; r < RulesPerModule; r++)
        {
            sb.Append($$"""
                allow_{{r}} if {
                    input.user == "user{{r}}"
                    input.action in {"read", "write"}
                    some grant in object.get(data, ["grants", "m{{m}}"], [])
                    grant.resource == input.resource
                }

                """);
        }
        return sb.ToString();
    }
}
