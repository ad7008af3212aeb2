using System.Diagnostics;
using System.Text;

namespace DataSpace.Crypto.Tests.Age;

/// <summary>
/// Runs the reference <c>age</c> tools (age 1.1.1 from the distribution). They must be on PATH:
/// the test command installs them, so their absence is a failure, not a skip. <c>age -p</c> and
/// passphrase decryption read only from the terminal, so those runs go through a pseudo-terminal
/// made by util-linux <c>script</c>, which feeds our input to it as typed text.
/// </summary>
internal static class AgeCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string Find(string tool)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var found = directories.Select(directory => Path.Combine(directory, tool)).FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Fail($"'{tool}' is not on PATH. The age interop tests need the reference age tools: install them with 'apt-get install -y age'.");
        }
        return found;
    }

    /// <summary>Runs a tool and returns its standard output; a non-zero exit fails the test with its standard error.</summary>
    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await StartAsync(Find(tool), arguments, stdin: null);
        Assert.True(exitCode == 0, $"{tool} {string.Join(' ', arguments)} exited with {exitCode}: {stderr}");
        return stdout;
    }

    /// <summary>Runs an age command line inside a pseudo-terminal, typing <paramref name="typed"/> into it.</summary>
    public static async Task RunInTerminalAsync(string ageArguments, string typed)
    {
        var commandLine = Quote(Find("age")) + " " + ageArguments;
        var (exitCode, stdout, stderr) = await StartAsync(Find("script"), ["-q", "-e", "-c", commandLine, "/dev/null"], typed);
        Assert.True(exitCode == 0, $"age {ageArguments} (in a terminal) exited with {exitCode}: {stdout} {stderr}");
    }

    public static string Quote(string path)
    {
        Assert.DoesNotContain('\'', path);
        return "'" + path + "'";
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> StartAsync(string fileName, IEnumerable<string> arguments, string? stdin)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(new StringBuilder(stdin), TestContext.Current.CancellationToken);
            await process.StandardInput.FlushAsync(TestContext.Current.CancellationToken);
        }
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
