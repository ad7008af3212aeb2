using System.CommandLine;
using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Policy;

/// <summary><c>dataspace policy eval|test|serve</c>: Rego policies with the embedded engine, as <c>opa</c> would run them.</summary>
internal static class PolicyCommand
{
    public static Command Create(CliConsole console) =>
        new("policy", "Evaluate, test and serve Rego policies with the embedded engine (no OPA binary needed).")
        {
            PolicyEvalCommand.Create(console),
            PolicyTestCommand.Create(console),
            PolicyServeCommand.Create(console),
        };
}
