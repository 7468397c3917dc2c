using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using VatDsl.Generators.Diagnostics;
using VatDsl.Generators.Model;

namespace VatDsl.Generators.Parsing;

/// <summary>Reads and checks the values set in a network's <c>[Vat]</c> attribute.</summary>
internal static class VatOptionsParser
{
    /// <returns>The values set explicitly, or <see cref="VatSpec.None"/> without a <c>[Vat]</c> attribute.</returns>
    public static VatSpec Parse(AttributeArguments? arguments, List<DiagnosticInfo> diagnostics)
    {
        if (arguments is null || arguments.HasCompilerErrors)
        {
            return VatSpec.None;
        }

        double? epsilon = Double(arguments.Named("Epsilon"), "Epsilon", value => value > 0, "a positive finite number", diagnostics);
        double? xi = Double(arguments.Named("Xi"), "Xi", value => value > 0, "a positive finite number", diagnostics);
        double? alpha = Double(arguments.Named("Alpha"), "Alpha", value => value >= 0, "zero or a positive finite number", diagnostics);
        double? entropyWeight = Double(
            arguments.Named("EntropyWeight"), "EntropyWeight", value => value >= 0, "zero or a positive finite number", diagnostics);

        ArgumentValue iterationsValue = arguments.Named("PowerIterations");
        int? powerIterations = null;
        if (iterationsValue.IsSet)
        {
            int iterations = iterationsValue.AsInt(1);
            if (iterations < 1)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidVatOption, iterationsValue.Location, "PowerIterations", Shapes.Format(iterations), "at least 1"));
            }

            powerIterations = iterations;
        }

        return new VatSpec(epsilon, xi, powerIterations, alpha, entropyWeight);
    }

    private static double? Double(
        ArgumentValue value, string name, System.Func<double, bool> isInRange, string validRange, List<DiagnosticInfo> diagnostics)
    {
        if (!value.IsSet || value.Constant.Value is not double number)
        {
            return null;
        }

        if (!isInRange(number) || double.IsInfinity(number))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidVatOption, value.Location, name, Shapes.Format(number), validRange));
        }

        return number;
    }
}
