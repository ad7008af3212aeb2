using DataSpace.Hosting.Policies;

namespace DataSpace.Hosting.Tests.Policies;

/// <summary>Where a service looks for its policies when nothing names them.</summary>
public sealed class PolicyPathDefaultTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("policy-default-").FullName;

    private string Dir(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

    private static void AddPack(string directory) => Directory.CreateDirectory(Path.Combine(directory, "policies", "dataspace"));

    [Fact]
    public void PoliciesInTheWorkingDirectory_AreTheDefault()
    {
        var (work, program) = (Dir("work"), Dir("program"));
        AddPack(work);
        AddPack(program);

        Assert.Equal("policies", PolicyBackendOptions.DefaultPath(work, program));
    }

    [Fact]
    public void NoneInTheWorkingDirectory_ThePackBesideTheProgram()
    {
        var (work, program) = (Dir("work"), Dir("program"));
        AddPack(program);

        Assert.Equal(Path.Combine(program, "policies"), PolicyBackendOptions.DefaultPath(work, program));
    }

    [Fact]
    public void NoneAnywhere_ThePathTheErrorWillName()
    {
        var (work, program) = (Dir("work"), Dir("program"));
        Directory.CreateDirectory(Path.Combine(program, "policies")); // a folder without the pack's package does not count

        Assert.Equal("policies", PolicyBackendOptions.DefaultPath(work, program));
        Assert.Contains(new PolicyBackendOptions { Path = Path.Combine(work, "policies") }.Problems(), p => p.Contains("neither a policy directory nor a bundle", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
