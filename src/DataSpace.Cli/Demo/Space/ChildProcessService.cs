using System.Diagnostics;
using DataSpace.Cli.Hosting;
using DataSpace.Cli.Services;

namespace DataSpace.Cli.Demo.Space;

/// <summary>
/// A broker or connector running as its own process, <c>dataspace broker|connector --config FILE</c>,
/// exactly as an operator starts it:
/// <list type="number">
/// <item>start the process, its stdout and stderr sent line by line to the <see cref="ServiceLog"/>
/// (warnings and errors go to stderr), its stdin a pipe that stops it when closed
/// (<see cref="StdinShutdown"/>): if this process dies, the service stops too;</item>
/// <item>wait until it answers <c>/healthz</c> — or fail with its exit code if it ends first;</item>
/// <item>stop: close its stdin and wait for a graceful end (the broker closes its ledger), and kill
/// the whole process tree if it does not end in time.</item>
/// </list>
/// <see cref="Kill"/> and <see cref="StartAgainAsync"/> are a crash and a restart on the same
/// configuration, for the tests of what a crash leaves behind.
/// </summary>
internal sealed class ChildProcessService : IDemoService
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly DataspaceProgram _program;
    private readonly ServiceSpec _spec;
    private readonly ServiceLog _log;
    private Process? _process;

    private ChildProcessService(DataspaceProgram program, ServiceSpec spec, ServiceLog log)
    {
        _program = program;
        _spec = spec;
        _log = log;
    }

    public Uri Url => _spec.Url;

    /// <summary>The running process's id (for the tests' checks that nothing outlives a run).</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException($"{_spec.Name} is not running.");

    public static async Task<ChildProcessService> StartAsync(DataspaceProgram program, ServiceSpec spec, ServiceLog log, CancellationToken cancellationToken)
    {
        var service = new ChildProcessService(program, spec, log);
        await service.StartAgainAsync(cancellationToken);
        return service;
    }

    /// <summary>Starts the process (again, after <see cref="Kill"/>) on the same configuration and URL; returns once it answers.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException($"{_spec.Name} is running already.");
        }
        _process?.Dispose();

        // Step 1
        var start = _program.StartInfo([_spec.Command, "--config", _spec.ConfigFile]);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment[StdinShutdown.Variable] = "1";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Logging__Console__LogToStandardErrorThreshold"] = "Warning";
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Forward(line.Data, isError: false);
        process.ErrorDataReceived += (_, line) => Forward(line.Data, isError: true);
        process.Start();
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Step 2
        try
        {
            await WaitUntilHealthyAsync(process, cancellationToken);
        }
        catch
        {
            Kill();
            throw;
        }
    }

    /// <summary>Kills the whole process tree at once (SIGKILL): no graceful stop, nothing flushed — a crash.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    // Step 3
    public async ValueTask DisposeAsync()
    {
        if (_process is not { } process)
        {
            return;
        }
        _process = null;
        if (!process.HasExited)
        {
            process.StandardInput.Close();
            using var patience = new CancellationTokenSource(StopTimeout);
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _log.Output(_spec.Name, $"did not stop within {StopTimeout.TotalSeconds:0} s of its stdin closing; killed", isError: true);
                process.Kill(entireProcessTree: true);
            }
        }
        await process.WaitForExitAsync(); // also drains the output still buffered
        process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(Process process, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var health = new Uri(_spec.Url, "healthz");
        var deadline = DateTimeOffset.UtcNow + StartTimeout;
        while (true)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(cancellationToken);
                throw new InvalidOperationException(
                    $"dataspace {_spec.Command} --config {_spec.ConfigFile} ({_spec.Name}) exited with code {process.ExitCode} before it answered /healthz; its output is in {_log.Path}.");
            }
            try
            {
                using var response = await http.GetAsync(health, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet.
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"dataspace {_spec.Command} ({_spec.Name}) did not answer {health} within {StartTimeout.TotalSeconds:0} s; its output is in {_log.Path}.");
            }
            await Task.Delay(Poll, cancellationToken);
        }
    }

    private void Forward(string? line, bool isError)
    {
        if (line is not null)
        {
            _log.Output(_spec.Name, line, isError);
        }
    }
}
