using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Json;
using DataSpace.Core.Space;
using DataSpace.Core.Transfers;
using static DataSpace.Core.Tests.Space.SpaceScenario;

namespace DataSpace.Core.Tests.Space;

public sealed class SpaceProjectionTests
{
    [Fact]
    public void UnknownEntryType_LetThroughAndCounted()
    {
        var space = new SpaceScenario();

        space.Accept("synthetic.transfer", new JsonObject { ["anything"] = 1 }, Provider);

        Assert.Equal(1UL, space.State.Size);
    }

    [Fact]
    public void Check_DoesNotChangeTheState()
    {
        var space = new SpaceScenario().WithAgreement();
        var entry = new SpaceEvent(space.Next, TransferStarted.EntryType, JsonSerializer.SerializeToElement(DomainJson.ToNode(StartedOf())), [Provider]);

        Assert.Null(space.Projection.Check(entry));

        Assert.Null(space.State.FindTransfer("trf-1"));
        Assert.Equal(0, space.State.FindAgreement(AgreementId)!.Uses);
    }

    [Fact]
    public void Apply_WithoutCheck_DerivesTheChangeAgain()
    {
        var space = new SpaceScenario().WithAgreement();
        var entry = new SpaceEvent(space.Next, TransferStarted.EntryType, JsonSerializer.SerializeToElement(DomainJson.ToNode(StartedOf())), [Provider]);

        space.Projection.Apply(entry);

        Assert.Equal(TransferState.Started, space.State.FindTransfer("trf-1")!.State);
    }

    [Fact]
    public void Apply_OfAnEntryThatNoLongerFits_ThrowsAndNamesTheIndex()
    {
        var space = new SpaceScenario().WithParties();
        var entry = new SpaceEvent(space.Next, TransferStarted.EntryType, JsonSerializer.SerializeToElement(DomainJson.ToNode(StartedOf())), [Provider]);

        var error = Assert.Throws<InvalidDataException>(() => space.Projection.Apply(entry));

        Assert.Contains($"Entry {space.Next}", error.Message, StringComparison.Ordinal);
    }
}
