using DataSpace.Ledger.Merkle;

namespace DataSpace.Ledger.Tests.Merkle;

/// <summary>
/// Every transparency-dev/merkle probe (happy paths and mutations) must give the verdict the
/// probe expects: <c>wantErr</c> probes must be rejected, the others accepted.
/// </summary>
public sealed class TransparencyDevProbeTests
{
    public static TheoryData<string> InclusionProbes => ProbeFiles.In("inclusion");
    public static TheoryData<string> ConsistencyProbes => ProbeFiles.In("consistency");
    public static TheoryData<string> SubtreeInclusionProbes => ProbeFiles.In("subtreeinclusion");
    public static TheoryData<string> SubtreeConsistencyProbes => ProbeFiles.In("subtreeconsistency");

    [Theory]
    [MemberData(nameof(InclusionProbes))]
    public void VerifyInclusion_Probe_GivesExpectedVerdict(string file)
    {
        var p = ProbeFiles.Load(file);
        var verdict = MerkleVerifier.VerifyInclusion(ProbeFiles.Bytes(p, "leafHash"), ProbeFiles.Number(p, "leafIdx"),
            ProbeFiles.Number(p, "treeSize"), ProbeFiles.Proof(p), ProbeFiles.Bytes(p, "root"));
        Assert.Equal(!p.GetProperty("wantErr").GetBoolean(), verdict.IsValid);
    }

    [Theory]
    [MemberData(nameof(ConsistencyProbes))]
    public void VerifyConsistency_Probe_GivesExpectedVerdict(string file)
    {
        var p = ProbeFiles.Load(file);
        var verdict = MerkleVerifier.VerifyConsistency(ProbeFiles.Number(p, "size1"), ProbeFiles.Number(p, "size2"),
            ProbeFiles.Proof(p), ProbeFiles.Bytes(p, "root1"), ProbeFiles.Bytes(p, "root2"));
        Assert.Equal(!p.GetProperty("wantErr").GetBoolean(), verdict.IsValid);
    }

    [Theory]
    [MemberData(nameof(SubtreeInclusionProbes))]
    public void VerifySubtreeInclusion_Probe_GivesExpectedVerdict(string file)
    {
        var p = ProbeFiles.Load(file);
        var verdict = MerkleVerifier.VerifySubtreeInclusion(ProbeFiles.Bytes(p, "leafHash"), ProbeFiles.Number(p, "leafIdx"),
            ProbeFiles.Number(p, "start"), ProbeFiles.Number(p, "end"), ProbeFiles.Proof(p), ProbeFiles.Bytes(p, "root"));
        Assert.Equal(!p.GetProperty("wantErr").GetBoolean(), verdict.IsValid);
    }

    [Theory]
    [MemberData(nameof(SubtreeConsistencyProbes))]
    public void VerifySubtreeConsistency_Probe_GivesExpectedVerdict(string file)
    {
        var p = ProbeFiles.Load(file);
        var verdict = MerkleVerifier.VerifySubtreeConsistency(ProbeFiles.Number(p, "start"), ProbeFiles.Number(p, "end"),
            ProbeFiles.Number(p, "size"), ProbeFiles.Proof(p), ProbeFiles.Bytes(p, "root1"), ProbeFiles.Bytes(p, "root2"));
        Assert.Equal(!p.GetProperty("wantErr").GetBoolean(), verdict.IsValid);
    }

    [Fact]
    public void Probes_AllFilesCovered_Count518()
    {
        var total = InclusionProbes.Count + ConsistencyProbes.Count + SubtreeInclusionProbes.Count + SubtreeConsistencyProbes.Count;
        Assert.Equal(518, total);
    }
}
