using System.Text.Json;

namespace DataSpace.Broker.Identity;

/// <summary>Reads JWT NumericDate claims (RFC 7519 §2: seconds since the epoch, possibly fractional).</summary>
internal static class NumericDate
{
    // Beyond year 9999 DateTimeOffset cannot represent it; no honest token gets there.
    private static readonly double Max = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>
    /// The claim's time, or null when absent; false when present but not a number in range.
    /// </summary>
    public static bool TryRead(JsonElement claims, string name, out DateTimeOffset? value)
    {
        value = null;
        if (!claims.TryGetProperty(name, out var claim))
        {
            return true;
        }
        if (claim.ValueKind != JsonValueKind.Number || !claim.TryGetDouble(out var seconds) || seconds < 0 || seconds > Max)
        {
            return false;
        }
        value = DateTimeOffset.UnixEpoch.AddSeconds(seconds);
        return true;
    }
}
