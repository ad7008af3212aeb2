using DataSpace.Ledger.Entries;

namespace DataSpace.Ledger.Verification;

/// <summary>
/// Replays entries through the same <see cref="EntryAdmission"/> the log uses, fast: decoding and
/// signature checks run in parallel over runs of entries that do not change the key registry,
/// and only the order-dependent step (<see cref="EntryAdmission.Admit"/>) runs in log order. A
/// registration ends a run and is handled alone, so every entry sees exactly the registrations
/// before it — the same decision a one-at-a-time replay makes.
/// </summary>
internal sealed class EntryReplay(EntryAdmission admission, List<LedgerViolation> violations, int parallelism)
{
    private readonly ParallelOptions _parallel = new() { MaxDegreeOfParallelism = Math.Max(1, parallelism) };

    public void Process(ulong firstIndex, List<RawLeaf> leaves)
    {
        var count = leaves.Count;
        var entries = new LedgerEntry?[count];
        var verdicts = new EntryVerdict[count];
        Parallel.For(0, count, _parallel, i => verdicts[i] = LedgerEntry.TryParse(leaves[i].Bytes, out entries[i]));

        var start = 0;
        while (start < count)
        {
            var end = start;
            while (end < count && entries[end]?.Type != ParticipantRegistration.EntryType)
            {
                end++;
            }
            ProcessRun(firstIndex, entries, verdicts, start, end);
            if (end < count)
            {
                ProcessRun(firstIndex, entries, verdicts, end, end + 1);
                end++;
            }
            start = end;
        }
    }

    private void ProcessRun(ulong firstIndex, LedgerEntry?[] entries, EntryVerdict[] verdicts, int start, int end)
    {
        var prepared = new PreparedEntry?[end - start];
        void Check(int i)
        {
            if (entries[i] is not { } entry)
            {
                return;
            }
            verdicts[i] = admission.Prepare(entry, out prepared[i - start]);
            if (verdicts[i].IsAccepted)
            {
                verdicts[i] = prepared[i - start]!.VerifySignatures();
            }
        }
        if (end - start > 1)
        {
            Parallel.For(start, end, _parallel, Check);
        }
        else if (end > start)
        {
            Check(start);
        }
        for (var i = start; i < end; i++)
        {
            var index = firstIndex + (ulong)i;
            var verdict = verdicts[i].IsAccepted ? admission.Admit(prepared[i - start]!, index) : verdicts[i];
            if (!verdict.IsAccepted)
            {
                violations.Add(ToViolation(verdict, index, entries[i]?.Type));
            }
        }
    }

    /// <summary>A refusal by a domain rule is a broken invariant; any other refusal is the log's own check failing.</summary>
    private static LedgerViolation ToViolation(EntryVerdict verdict, ulong index, string? type) => verdict.Rule is { } rule
        ? LedgerViolation.AtEntry(ViolationKind.InvariantBroken, index, verdict.RuleReason ?? verdict.Reason!) with { Rule = rule, EntryType = type }
        : LedgerViolation.AtEntry(ViolationKind.EntryRefused, index, verdict.Reason!, verdict.Fault) with { EntryType = type };
}
