namespace DataSpace.Cli.Hosting;

/// <summary>
/// A failure to report to the user as one line on stderr, with an exit code and, where it helps,
/// a hint saying what to do next. Commands throw it; only <see cref="DataSpaceCommandLine"/> prints it.
/// </summary>
internal sealed class CliException(int exitCode, string message, string? hint = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The process exit code, one of <see cref="ExitCodes"/>.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>What to do next, or null.</summary>
    public string? Hint { get; } = hint;

    public static CliException Input(string message, string? hint = null, Exception? inner = null) =>
        new(ExitCodes.InputError, message, hint, inner);

    public static CliException Output(string message, string? hint = null, Exception? inner = null) =>
        new(ExitCodes.OutputError, message, hint, inner);
}
