using System.Diagnostics;
using DataSpace.EndToEnd.Tests.Support;
using DataSpace.Testing;

namespace DataSpace.EndToEnd.Tests.Readme;

/// <summary>
/// README's tool install (<c>dotnet pack … &amp;&amp; dotnet tool install …</c>), run by bash as written
/// but for what a test must not do: the package goes to a temporary folder instead of
/// <c>.artifacts</c>, the tool to a temporary tool path instead of <c>--global</c> (a test does not
/// change the machine's global tools), and the pack takes the build this test run already made
/// (<c>--no-build</c>). The installed <c>dataspace demo</c> then runs from a folder outside the
/// repository: the tool carries its scenario and policies.
/// </summary>
public sealed class InstalledToolTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly Scratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task TheReadmeToolInstall_GivesADataspaceWhoseDemoPassesOutsideTheRepository()
    {
        var install = ReadmeBlock.Under("## The `dataspace` command")
            .Replace("dotnet pack src/DataSpace.Cli", $"dotnet pack src/DataSpace.Cli --no-build -c {Configuration}", StringComparison.Ordinal)
            .Replace(".artifacts", $"'{_scratch.File("artifacts")}'", StringComparison.Ordinal)
            .Replace("--global", $"--tool-path '{_scratch.File("tools")}'", StringComparison.Ordinal);
        Assert.Contains("--tool-path", install, StringComparison.Ordinal);
        File.WriteAllText(_scratch.File("install.sh"), "set -ex\n" + install);

        var bash = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryPaths.RepositoryRoot };
        bash.ArgumentList.Add(_scratch.File("install.sh"));
        await using (var installing = ChildProcess.Start(bash, "README's tool install", _scratch))
        {
            var installed = await installing.WaitAsync(TimeSpan.FromMinutes(3));
            Assert.True(installed.ExitCode == 0, installed.ToString());
        }

        var elsewhere = Directory.CreateDirectory(_scratch.File("elsewhere")).FullName;
        var demo = new ProcessStartInfo(_scratch.File("tools", "dataspace")) { WorkingDirectory = elsewhere };
        demo.ArgumentList.Add("demo");
        await using var running = ChildProcess.Start(demo, "the installed dataspace demo", _scratch);
        var run = await running.WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("PASSED: all", run.Out, StringComparison.Ordinal);
    }
}
