namespace EnergyActors.Grains.Abstractions;

/// <summary>
/// Free text the API accepts (names, weather sources): no control characters, which PostgreSQL's text
/// refuses (NUL) or which corrupt logs and terminals, and no lone UTF-16 surrogates, which have no UTF-8 form.
/// </summary>
public static class TextRules
{
    public static bool IsClean(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
