using System;
using System.Globalization;
using VatDsl.Benchmarks;

// Benchmarks of the VAT training step. Run in Release:
//   dotnet run -c Release --project benchmarks/VatDsl.Benchmarks -- time [steps]
//   dotnet run -c Release --project benchmarks/VatDsl.Benchmarks -- rss <mlp|cnn> <steps> <trim interval, 0 = never> [report every]
//   dotnet run -c Release --project benchmarks/VatDsl.Benchmarks -- probe
const string Usage =
    "usage: time [steps]  |  rss <mlp|cnn> <steps> <trim interval (0 = never)> [report every]  |  probe";

if (args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

try
{
    switch (args[0])
    {
        case "time":
            StepTimer.Run(args.Length > 1 ? ParseCount(args[1], "steps") : 50);
            return 0;
        case "probe":
            ProbeAccuracy.Run();
            return 0;
        case "rss" when args.Length >= 4 && (args[1] == "mlp" || args[1] == "cnn"):
            ResidentMemory.Run(args[1], ParseCount(args[2], "steps"), ParseCount(args[3], "trim interval", allowZero: true),
                args.Length > 4 ? ParseCount(args[4], "report every") : 250);
            return 0;
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

static int ParseCount(string text, string name, bool allowZero = false)
{
    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || (value == 0 && !allowZero))
    {
        throw new FormatException($"Invalid {name} '{text}': expected a {(allowZero ? "non-negative" : "positive")} integer.");
    }

    return value;
}
