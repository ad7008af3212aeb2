using DataSpace.Ledger.Entries;

namespace DataSpace.Ledger.Tests.Logs;

/// <summary>A domain rule for tests: refuses a second agreement with the same id, counting what it applied.</summary>
internal sealed class RefuseRule : IEntryRule
{
    private readonly HashSet<string> _agreements = [];

    public string Name => "unique-agreements";

    public int Applied { get; private set; }

    public Verdict Check(AcceptedEntry entry) =>
        entry.Entry.Type == "contract.agreed" && _agreements.Contains(entry.Entry.Body.GetProperty("agreementId").GetString()!)
            ? Verdict.Invalid("agreement id already used")
            : Verdict.Valid;

    public void Apply(AcceptedEntry entry)
    {
        Applied++;
        if (entry.Entry.Type == "contract.agreed")
        {
            _agreements.Add(entry.Entry.Body.GetProperty("agreementId").GetString()!);
        }
    }
}
