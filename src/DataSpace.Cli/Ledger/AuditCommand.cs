using System.CommandLine;
using DataSpace.Cli.Hosting;
using DataSpace.Ledger.Verification;

namespace DataSpace.Cli.Ledger;

/// <summary>
/// <c>dataspace audit DIR [--json] [--log-key VKEY] [--operator-key VKEY]</c>: verifies a whole
/// ledger offline — framing, signatures, the Merkle tree and checkpoints, the space's invariants
/// and every recorded policy decision (<see cref="AuditRules"/>). Exit 0 only when everything
/// verifies; 1 when anything is wrong, each violation listed with its entry index or checkpoint size.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(CliConsole console)
    {
        var directory = new Argument<string>("ledger") { Description = "The ledger directory." };
        var json = new Option<bool>("--json") { Description = "Print a machine-readable JSON report instead of the summary." };
        var logKey = new Option<string?>("--log-key") { Description = "Trust this log key rather than the ledger's own log.vkey (recommended)." };
        var operatorKey = new Option<string?>("--operator-key") { Description = "Trust this operator key rather than the ledger's own operator.vkey (recommended)." };
        var command = new Command("audit", "Verify a ledger offline: every signature, the Merkle tree, every checkpoint, the space's invariants and every policy decision.")
        {
            directory, json, logKey, operatorKey,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = LedgerOptions.ExistingLedger(parsed.GetRequiredValue(directory));
            var trustedOperator = parsed.GetValue(operatorKey) is { } operatorText ? LedgerOptions.VerifierKey("--operator-key", operatorText) : null;
            var rules = AuditRules.For(path, trustedOperator);
            var options = new LedgerAuditOptions
            {
                TrustedLogKey = parsed.GetValue(logKey) is { } text ? LedgerOptions.VerifierKey("--log-key", text) : null,
                TrustedOperatorKey = trustedOperator,
                Rules = rules.Factories,
            };
            var report = await CountProgress.RunAsync(console, "auditing", LedgerAuditor.LeafBytes(path), report =>
                LedgerAuditor.AuditAsync(path, options, report is null ? null : new Progress<long>(bytes => report(bytes)), cancellationToken));

            if (parsed.GetValue(json))
            {
                await console.Out.WriteAsync(AuditReportWriter.Json(path, report, rules));
            }
            else
            {
                AuditReportWriter.Summary(console, path, report, rules);
            }
            if (!report.IsValid)
            {
                await console.Error.WriteLineAsync($"error: the ledger does not verify: {report.Violations.Count} violation(s).");
                return ExitCodes.VerificationFailed;
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
