namespace DataSpace.Cli.Hosting;

/// <summary>
/// Where a command writes: results to <see cref="Out"/>, errors and progress to <see cref="Error"/>.
/// Tests pass string writers; the process passes the real console.
/// </summary>
/// <param name="Out">Results (JSON, tables).</param>
/// <param name="Error">Errors, hints and progress.</param>
/// <param name="IsInteractive">True when stderr is a terminal, so live progress may be drawn.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsInteractive)
{
    public static CliConsole FromProcess() => new(Console.Out, Console.Error, !Console.IsErrorRedirected);

    public static CliConsole Captured(TextWriter output, TextWriter error) => new(output, error, IsInteractive: false);
}
