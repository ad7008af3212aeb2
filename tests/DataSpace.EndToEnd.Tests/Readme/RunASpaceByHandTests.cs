using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataSpace.Cli.Demo.Space;
using DataSpace.Cli.Hosting;
using DataSpace.Core;
using DataSpace.EndToEnd.Tests.Support;
using DataSpace.Testing;

namespace DataSpace.EndToEnd.Tests.Readme;

/// <summary>
/// README's "Run a space by hand" block, run by bash as it is written: a broker and two connectors as
/// background processes, onboarding with <c>dataspace keys registration</c> and curl, an asset, an
/// offer, the catalog, a negotiation, a transfer, a use and the audit. Only what a reader supplies
/// changes: <c>dataspace</c> is the CLI this project builds, the ports are free ones instead of
/// 5100/5201/5202, the folder is a temporary one with the repository's <c>policies/</c>, and the four
/// files the README describes after the block are written as it describes them.
/// </summary>
public sealed partial class RunASpaceByHandTests : IDisposable
{
    private const string OfferId = "88.608.1001/PRD-0001#quality-analysis";

    private readonly Scratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task RunASpaceByHand_TheReadmeBlock_RunsToAVerifiedAudit_AndLeavesNoProcess()
    {
        var block = ReadmeBlock.Under("## Run a space by hand");
        var ports = new Dictionary<string, string> { ["5100"] = Port(), ["5201"] = Port(), ["5202"] = Port() };
        var csv = PrepareFolder();
        File.WriteAllText(_scratch.File("block.sh"),
            "set -ex\n" +
            "trap 'kill $(jobs -p) 2>/dev/null; wait' EXIT  # the test's addition: the background services end with the block\n" +
            StandardPort().Replace(block, port => ports[port.Value]));

        var start = new ProcessStartInfo("bash") { WorkingDirectory = _scratch.Path };
        start.ArgumentList.Add("block.sh");
        start.Environment["PATH"] = _scratch.File("bin") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        await using var bash = ChildProcess.Start(start, "README's \"Run a space by hand\" block", _scratch);
        var run = await bash.WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, Regex.Count(run.Out, @"""status"":""active"""));                  // both onboarded
        Assert.Contains(@"""assetId"":""88.608.1001/PRD-0001""", run.Out, StringComparison.Ordinal);
        Assert.Contains($@"""id"":""{OfferId}""", run.Out, StringComparison.Ordinal);       // published, and in the catalog
        Assert.Contains(csv, run.Out, StringComparison.Ordinal);                             // read back exactly, decrypted
        Assert.Contains("verified: every entry, record, checkpoint, invariant and decision checks out.", run.Out, StringComparison.Ordinal);
        var left = await ProcessTable.GoneAsync(_scratch.Path, TimeSpan.FromSeconds(30));
        Assert.True(left.Count == 0, $"still running after the block:\n{string.Join('\n', left)}");
    }

    private static string Port() => FreePort.NextUrl().Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// What the reader has at hand: <c>dataspace</c> on the PATH, <c>policies/</c> (the block runs from
    /// the repository root), and label.json, output.csv, offer.json and request.json as README describes
    /// them. Returns output.csv's text.
    /// </summary>
    private string PrepareFolder()
    {
        Directory.CreateDirectory(_scratch.File("bin"));
        var program = DataspaceProgram.Current;
        var wrapper = _scratch.File("bin", "dataspace");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec '{program.Host}' '{program.Assembly}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateSymbolicLink(_scratch.File("policies"), Path.Combine(RepositoryPaths.RepositoryRoot, "policies"));

        File.Copy(Path.Combine(RepositoryPaths.RepositoryRoot, "policies", "examples", "important-production-line", "label.json"), _scratch.File("label.json"));
        var csv = File.ReadAllText(Path.Combine(RepositoryPaths.RepositoryRoot, "samples", "assets", "production-statistics-2025.csv"));
        File.WriteAllText(_scratch.File("output.csv"), csv);
        var now = DateTimeOffset.UtcNow;
        var purposes = new JsonArray("quality-analysis");
        File.WriteAllText(_scratch.File("offer.json"), new JsonObject
        {
            ["assetId"] = "88.608.1001/PRD-0001",
            ["offerId"] = OfferId,
            ["terms"] = new JsonObject
            {
                ["purposes"] = purposes.DeepClone(),
                ["validFrom"] = Timestamps.Format(now.AddHours(-1)),
                ["validUntil"] = Timestamps.Format(now.AddDays(30)),
                ["maxUses"] = 5,
                ["delivery"] = new JsonArray("copy"),
                ["public"] = false,
                ["audience"] = new JsonArray("88.608.2002"),
                ["notifyProvider"] = false,
            },
        }.ToJsonString());
        File.WriteAllText(_scratch.File("request.json"), new JsonObject
        {
            ["offerId"] = OfferId,
            ["purpose"] = "quality-analysis",
            ["destination"] = "CN",
            ["terms"] = new JsonObject
            {
                ["purposes"] = purposes.DeepClone(),
                ["validFrom"] = Timestamps.Format(now.AddMinutes(-1)),
                ["validUntil"] = Timestamps.Format(now.AddDays(10)),
                ["maxUses"] = 3,
            },
        }.ToJsonString());
        return csv;
    }

    [GeneratedRegex(@"\b(5100|5201|5202)\b")]
    private static partial Regex StandardPort();
}
