using System.Globalization;

namespace VatDsl.Generators.Emit;

/// <summary>C# literals for generated code, always formatted with the invariant culture.</summary>
internal static class Literals
{
    public static string Long(long value) => value.ToString(CultureInfo.InvariantCulture) + "L";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>
    /// Round-trip ("R") form with a decimal point or exponent, so the literal is a double that
    /// parses back to the same value. Callers pass finite values only; the parser rejects the rest.
    /// </summary>
    public static string Double(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 ? text : text + ".0";
    }

    public static string String(string value)
    {
        var builder = new System.Text.StringBuilder("\"");
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Shape for comments and docs, such as "(32, 28, 28)".</summary>
    public static string Shape(System.Collections.Generic.IEnumerable<long> shape) =>
        "(" + string.Join(", ", System.Linq.Enumerable.Select(shape, size => size.ToString(CultureInfo.InvariantCulture))) + ")";
}
