namespace DataSpace.EndToEnd.Tests.Support;

/// <summary>How a program this test ran ended: its exit code and everything it printed.</summary>
internal sealed record ChildResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}
