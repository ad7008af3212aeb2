using System.Globalization;
using System.Text.Json.Nodes;
using DataSpace.Core;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Results;

namespace DataSpace.Connector.Usage;

/// <summary>
/// The duties (policy obligations, policies/README.md R10 and R11) this connector enforces on
/// received data, and the check that every obligation of a use is one of them. A connector that
/// cannot meet a duty does not release the data: an obligation of any other type, or of a type the
/// operator left out of <c>Connector:Enforces</c>, refuses the read and names the duty.
/// </summary>
internal static class Duties
{
    /// <summary>Delete the data by <c>deadline</c>: the deletion job does, and records <c>data.deleted</c>.</summary>
    public const string DeleteAfter = "delete_after";

    /// <summary>Keep the data encrypted: it is stored age-encrypted to this participant and decrypted only while it streams to the reader.</summary>
    public const string Encrypt = "encrypt";

    /// <summary>Log every use: one line per read in <c>DataDirectory/usage.log</c>, on disk before any byte is returned.</summary>
    public const string LogUsage = "log_usage";

    /// <summary>Notify the provider of every use before the data is returned.</summary>
    public const string NotifyProvider = "notify_provider";

    private static readonly HashSet<string> Implemented = new(StringComparer.Ordinal) { DeleteAfter, Encrypt, LogUsage, NotifyProvider };

    /// <summary>
    /// Checks the obligations of a use (those of the usage decision and those the provider's
    /// transfer decision attached to the data) against what this connector enforces; every problem
    /// is reported at once.
    /// </summary>
    public static Result<DutySet> Check(IEnumerable<JsonObject> obligations, IReadOnlyCollection<string> enforced, DateTimeOffset now)
    {
        var unenforced = new SortedSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var notify = false;
        DateTimeOffset? deleteBy = null;
        foreach (var obligation in obligations)
        {
            var type = TypeOf(obligation);
            if (type is null)
            {
                problems.Add("an obligation has no type, so it cannot be enforced and the data is refused (fail closed)");
                continue;
            }
            if (!Implemented.Contains(type) || !enforced.Contains(type))
            {
                unenforced.Add(type);
                continue;
            }
            if (type == NotifyProvider)
            {
                notify = true;
            }
            else if (type == DeleteAfter)
            {
                if (DeadlineOf(obligation) is not { } deadline)
                {
                    problems.Add("a delete_after obligation has no readable deadline, so it cannot be enforced and the data is refused (fail closed)");
                }
                else if (now >= deadline)
                {
                    problems.Add($"R10 delete-after: the data had to be deleted by {Timestamps.Format(deadline)} (PIPL Art. 47; per the agreement)");
                }
                else
                {
                    deleteBy = deleteBy is { } earlier && earlier < deadline ? earlier : deadline;
                }
            }
        }
        if (unenforced.Count > 0)
        {
            problems.Insert(0, $"this connector does not enforce the obligation {string.Join(", ", unenforced.Select(t => $"\"{t}\""))}, so the data is refused (a connector that cannot meet a duty does not release the data; it enforces {string.Join(", ", enforced)})");
        }
        return problems.Count == 0 ? new DutySet(notify, deleteBy) : Error.Forbidden("The data is not released: " + string.Join("; ", problems) + ".");
    }

    /// <summary>
    /// When the data must be gone: the earliest of the agreement's <c>deleteBy</c> and every
    /// <c>delete_after</c> deadline the provider attached; null when there is no such duty.
    /// </summary>
    public static DateTimeOffset? DeadlineOf(IEnumerable<JsonObject> obligations, Agreement? agreement)
    {
        var deadlines = obligations.Where(o => TypeOf(o) == DeleteAfter).Select(DeadlineOf).OfType<DateTimeOffset>();
        if (agreement?.Terms.DeleteBy is { } agreed)
        {
            deadlines = deadlines.Append(agreed);
        }
        return deadlines.Select(d => (DateTimeOffset?)d).Min();
    }

    private static string? TypeOf(JsonObject obligation) =>
        obligation["type"] is JsonValue value && value.TryGetValue<string>(out var type) && type.Length > 0 ? type : null;

    private static DateTimeOffset? DeadlineOf(JsonObject obligation) =>
        obligation["deadline"] is JsonValue value && value.TryGetValue<string>(out var text)
        && (Timestamps.TryParse(text, out var deadline)
            || DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out deadline))
            ? deadline
            : null;
}
