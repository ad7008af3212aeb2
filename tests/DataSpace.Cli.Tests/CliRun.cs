using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Tests;

/// <summary>Runs the dataspace command in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await DataSpaceCommandLine.RunAsync(args, CliConsole.Captured(output, error), TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public CliRun Succeeded()
    {
        Assert.True(ExitCode == ExitCodes.Success, $"exit {ExitCode}: {Error}");
        return this;
    }
}
