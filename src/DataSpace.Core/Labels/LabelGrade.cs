using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataSpace.Core.Labels;

/// <summary>
/// The grade of a classification label as the ledger invariants need it: the effective grade is
/// the highest of the asset's own category and every <c>derivedFrom</c> input's (就高从严, DSL
/// Art. 21). The policy pack computes the same in Rego (<c>classification.effective_grade</c>);
/// this copy lets the auditor check "no core data released" without trusting any decision.
/// </summary>
public static class LabelGrade
{
    /// <summary>The grades from lowest to highest.</summary>
    public static IReadOnlyList<string> Grades { get; } = ["general", "important", "core"];

    /// <summary>The effective grade, or null when the label names no valid category.</summary>
    public static string? Effective(JsonObject? label) =>
        label is null ? null : Effective(JsonSerializer.SerializeToElement(label));

    /// <summary>The effective grade of a label as read from a record, or null when it names no valid category.</summary>
    public static string? Effective(JsonElement label)
    {
        if (label.ValueKind != JsonValueKind.Object || Rank(label, out var rank) is false)
        {
            return null;
        }
        if (label.TryGetProperty("derivedFrom", out var inputs) && inputs.ValueKind == JsonValueKind.Array)
        {
            foreach (var input in inputs.EnumerateArray())
            {
                if (input.ValueKind != JsonValueKind.Object || !Rank(input, out var inputRank))
                {
                    return null;
                }
                rank = Math.Max(rank, inputRank);
            }
        }
        return Grades[rank];
    }

    private static bool Rank(JsonElement item, out int rank)
    {
        rank = item.TryGetProperty("category", out var category) && category.ValueKind == JsonValueKind.String
            ? Grades.IndexOf(category.GetString()!)
            : -1;
        return rank >= 0;
    }

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }
        return -1;
    }
}
