namespace EnergyActors.Grains.Abstractions;

/// <summary>
/// The contract's rule for device and site ids: 1 to 64 characters of [A-Za-z0-9._:-], and not "." or "..",
/// which URLs treat as path segments (a client would normalise them away, so such a device could never be addressed).
/// </summary>
public static class DeviceId
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength || id is "." or "..")
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
