using System.Text.Json.Nodes;
using DataSpace.Connector.Usage;
using DataSpace.Core.Results;

namespace DataSpace.Connector.Tests.Usage;

public sealed class DutiesTests
{
    private static readonly string[] All = ["delete_after", "encrypt", "log_usage", "notify_provider"];
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static JsonObject Duty(string type, string? deadline = null)
    {
        var duty = new JsonObject { ["type"] = type, ["reason"] = "test" };
        if (deadline is not null)
        {
            duty["deadline"] = deadline;
        }
        return duty;
    }

    [Fact]
    public void Check_KnownDuties_GivesWhatToDo()
    {
        var duties = Duties.Check([Duty("log_usage"), Duty("notify_provider"), Duty("encrypt"), Duty("delete_after", "2030-06-15T00:00:00Z"), Duty("delete_after", "2030-06-10T00:00:00Z")], All, Now);

        Assert.True(duties.IsSuccess);
        Assert.True(duties.Value.NotifyProvider);
        Assert.Equal(new DateTimeOffset(2030, 6, 10, 0, 0, 0, TimeSpan.Zero), duties.Value.DeleteBy);
    }

    [Fact]
    public void Check_NoDuties_NothingToDo()
    {
        var duties = Duties.Check([], All, Now);

        Assert.Equal(new DutySet(false, null), duties.Value);
    }

    [Fact]
    public void Check_UnknownTypes_AreAllNamed()
    {
        var duties = Duties.Check([Duty("watermark"), Duty("log_usage"), Duty("anonymise")], All, Now);

        Assert.Equal(ErrorKind.Forbidden, duties.Error!.Kind);
        Assert.Contains("\"anonymise\", \"watermark\"", duties.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_KnownButNotEnforcedHere_IsRefused()
    {
        var duties = Duties.Check([Duty("notify_provider")], ["log_usage"], Now);

        Assert.Contains("\"notify_provider\"", duties.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithoutType_IsRefused()
    {
        var duties = Duties.Check([new JsonObject { ["reason"] = "?" }, new JsonObject { ["type"] = 3 }], All, Now);

        Assert.Contains("no type", duties.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    [InlineData("2030-13-01T00:00:00Z")]
    public void Check_DeleteAfterWithoutReadableDeadline_IsRefused(string? deadline)
    {
        var duties = Duties.Check([Duty("delete_after", deadline)], All, Now);

        Assert.Contains("no readable deadline", duties.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2030-06-01T12:00:00Z")]
    [InlineData("2030-06-01T11:59:59Z")]
    public void Check_DeadlineReachedOrPassed_IsRefused(string deadline)
    {
        var duties = Duties.Check([Duty("delete_after", deadline)], All, Now);

        Assert.Contains("R10 delete-after", duties.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FractionalRfc3339Deadline_IsRead()
    {
        var duties = Duties.Check([Duty("delete_after", "2030-06-02T00:00:00.5+08:00")], All, Now);

        Assert.Equal(new DateTimeOffset(2030, 6, 1, 16, 0, 0, 500, TimeSpan.Zero), duties.Value.DeleteBy);
    }

    [Fact]
    public void DeadlineOf_TakesTheEarliestOfAgreementAndObligations()
    {
        Assert.Null(Duties.DeadlineOf([Duty("log_usage")], null));
        Assert.Equal(new DateTimeOffset(2030, 6, 3, 0, 0, 0, TimeSpan.Zero), Duties.DeadlineOf([Duty("delete_after", "2030-06-05T00:00:00Z"), Duty("delete_after", "2030-06-03T00:00:00Z")], null));
    }
}
