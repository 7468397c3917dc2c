using System.Globalization;
using System.Linq;

namespace VatDsl.Generators.Parsing;

/// <summary>Formatting and overflow-safe arithmetic for shapes and parameter counts.</summary>
internal static class Shapes
{
    /// <summary>Largest size of one dimension; TorchSharp's attribute arguments are 32-bit too.</summary>
    public const long MaxDimension = int.MaxValue;

    public static string Format(long[] shape) =>
        "(" + string.Join(", ", shape.Select(size => size.ToString(CultureInfo.InvariantCulture))) + ")";

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Round-trip form that keeps a decimal point on whole numbers ("1.0", not "1"), as the user wrote them.</summary>
    public static string Format(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.All(c => char.IsDigit(c) || c == '-') ? text + ".0" : text;
    }

    /// <summary>Multiplies non-negative numbers, returning null on overflow.</summary>
    public static long? Multiply(params long[] factors)
    {
        long product = 1;
        foreach (long factor in factors)
        {
            if (factor != 0 && product > long.MaxValue / factor)
            {
                return null;
            }

            product *= factor;
        }

        return product;
    }

    /// <summary>Adds non-negative numbers, returning null on overflow.</summary>
    public static long? Add(long left, long right) => left > long.MaxValue - right ? null : left + right;
}
