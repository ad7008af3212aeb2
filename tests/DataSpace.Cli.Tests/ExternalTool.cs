using System.Diagnostics;

namespace DataSpace.Cli.Tests;

/// <summary>Runs an external program (the standard age tool) and returns its exit code and output.</summary>
internal static class ExternalTool
{
    public static async Task<(int ExitCode, string Error)> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{program}' is not installed; scripts/test.sh installs it (apt-get install -y age).", e);
        }
        using (process)
        {
            var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return (process.ExitCode, error);
        }
    }
}
