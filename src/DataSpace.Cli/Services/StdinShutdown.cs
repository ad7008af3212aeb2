namespace DataSpace.Cli.Services;

/// <summary>
/// Ties a service's life to the process that started it, when that process asks for it
/// (<c>DATASPACE_STOP_ON_STDIN_EOF=1</c>, which <c>dataspace demo --processes</c> sets): the service
/// stops, gracefully, as soon as its standard input reaches its end. The parent closes the pipe to
/// stop it; and when the parent dies, however it dies (even <c>kill -9</c>), the operating system
/// closes the pipe — so no service outlives the demo or the test that started it. Opt-in only: a
/// service started in the background by a shell reads an empty stdin and must keep running.
/// </summary>
internal static class StdinShutdown
{
    public const string Variable = "DATASPACE_STOP_ON_STDIN_EOF";

    /// <summary>A token cancelled with <paramref name="cancellationToken"/>, or when stdin ends if <see cref="Variable"/> is 1.</summary>
    public static CancellationTokenSource Link(CancellationToken cancellationToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (Environment.GetEnvironmentVariable(Variable) == "1")
        {
            // A blocking read on a thread of its own: a pipe's end is only seen by reading it.
            var watcher = new Thread(() => WaitForEnd(stop)) { IsBackground = true, Name = "stdin shutdown" };
            watcher.Start();
        }
        return stop;
    }

    private static void WaitForEnd(CancellationTokenSource stop)
    {
        try
        {
            using var stdin = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (stdin.Read(buffer) > 0)
            {
            }
        }
        catch (IOException)
        {
            // A broken stdin is an ended one.
        }
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The service stopped already.
        }
    }
}
