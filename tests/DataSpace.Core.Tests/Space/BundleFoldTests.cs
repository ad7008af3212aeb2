using DataSpace.Core.Json;
using DataSpace.Core.Policies;
using DataSpace.Core.Results;
using static DataSpace.Core.Tests.Space.SpaceScenario;

namespace DataSpace.Core.Tests.Space;

public sealed class BundleFoldTests
{
    private readonly SpaceScenario _space = new SpaceScenario().WithParties();

    [Fact]
    public void Bundle_Recorded_FoundByDigestAtItsIndex() =>
        Assert.Equal(4UL, _space.State.FindBundle(Bundle));

    [Fact]
    public void Bundle_SameDigestAgain_Conflict()
    {
        var error = _space.Refuse(PolicyBundleRecord.EntryType, DomainJson.ToNode(BundleRecord()), Provider);

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains("index 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bundle_DigestNotSha256_Invalid() =>
        Assert.Equal(ErrorKind.Invalid, _space.Refuse(PolicyBundleRecord.EntryType, DomainJson.ToNode(BundleRecord("md5:abc")), Provider).Kind);

    [Fact]
    public void Bundle_WithoutFiles_Invalid() =>
        Assert.Equal(ErrorKind.Invalid, _space.Refuse(PolicyBundleRecord.EntryType, DomainJson.ToNode(new PolicyBundleRecord("sha256:ff", [])), Provider).Kind);
}
