using System.Diagnostics;
using System.Text;
using DataSpace.Cli.Hosting;

namespace DataSpace.EndToEnd.Tests.Support;

/// <summary>
/// A program this test started (the <c>dataspace</c> command, or bash): stdin closed, stdout and stderr
/// collected, and the whole process tree killed on dispose if it still runs — a failed or timed-out
/// test leaves nothing behind.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();

    private ChildProcess(Process process, string description)
    {
        _process = process;
        Description = description;
    }

    public string Description { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What it printed on stdout so far.</summary>
    public string Out
    {
        get
        {
            lock (_out)
            {
                return _out.ToString();
            }
        }
    }

    /// <summary>What it printed on stderr so far.</summary>
    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Starts <c>dataspace <paramref name="args"/></c>, the CLI this test project builds.</summary>
    public static ChildProcess Dataspace(Scratch scratch, params string[] args) =>
        Start(DataspaceProgram.Current.StartInfo(args), $"dataspace {string.Join(' ', args)}", scratch);

    /// <summary>Starts a program marked as the test's (<see cref="Scratch.Variable"/>), so that its cleanup finds it and everything it starts.</summary>
    public static ChildProcess Start(ProcessStartInfo start, string description, Scratch scratch)
    {
        start.Environment[Scratch.Variable] = scratch.Path;
        start.UseShellExecute = false;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process, description);
        process.OutputDataReceived += (_, line) => Append(child._out, line.Data);
        process.ErrorDataReceived += (_, line) => Append(child._error, line.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the end; past <paramref name="timeout"/> the tree is killed and the test fails saying so.</summary>
    public async Task<ChildResult> WaitAsync(TimeSpan timeout)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            KillTree();
            Assert.Fail($"{Description} did not end within {timeout.TotalSeconds:0} s; killed.\nstdout:\n{Out}\nstderr:\n{Error}");
        }
        await _process.WaitForExitAsync(CancellationToken.None); // the last lines of output
        return new ChildResult(_process.ExitCode, Out, Error);
    }

    /// <summary>SIGKILL to this process alone (not its children): what happens to the processes it started is the question.</summary>
    public void KillAlone()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        KillTree();
        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
    }

    private void KillTree()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has ended.
        }
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (text)
        {
            text.AppendLine(line);
        }
    }
}
