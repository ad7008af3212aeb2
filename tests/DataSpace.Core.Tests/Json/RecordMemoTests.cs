using System.Text.Json;
using DataSpace.Core.Json;

namespace DataSpace.Core.Tests.Json;

public sealed class RecordMemoTests
{
    private sealed record Sample(string Name, int Count);

    [Fact]
    public void Read_Twice_ReadsOnceAndGivesTheSameRecord()
    {
        var memo = new RecordMemo();
        var value = JsonElement.Parse("""{"name":"a","count":1}""");

        var first = memo.Read<Sample>(value, "the sample");
        var second = memo.Read<Sample>(value, "the sample");

        Assert.Equal(new Sample("a", 1), first.Value);
        Assert.Same(first.Value, second.Value);
    }

    [Fact]
    public void Read_Invalid_IsNotKept_AndTheErrorNamesTheMember()
    {
        var memo = new RecordMemo();

        var bad = memo.Read<Sample>(JsonElement.Parse("""{"name":"a","count":"x"}"""), "the sample");
        var good = memo.Read<Sample>(JsonElement.Parse("""{"name":"b","count":2}"""), "the sample");

        Assert.False(bad.IsSuccess);
        Assert.Contains("count", bad.Error.Message, StringComparison.Ordinal);
        Assert.Equal(new Sample("b", 2), good.Value);
    }

    [Fact]
    public void Adopt_TakesTheOtherMemosRecord()
    {
        var value = JsonElement.Parse("""{"name":"a","count":1}""");
        var read = new RecordMemo();
        var record = read.Read<Sample>(value, "the sample").Value;
        var copy = new RecordMemo();

        copy.Adopt(read);

        Assert.Same(record, copy.Read<Sample>(value, "the sample").Value);
    }
}
