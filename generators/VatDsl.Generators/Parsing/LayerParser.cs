using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using VatDsl.Generators.Diagnostics;
using VatDsl.Generators.Model;

namespace VatDsl.Generators.Parsing;

/// <summary>
/// Reads one layer attribute, checks its arguments and infers its output shape from its input
/// shape (per sample, without the batch dimension). Shapes follow PyTorch: a convolution or
/// pooling window gives floor((size + 2 * padding - kernel) / stride) + 1 per spatial dimension.
/// </summary>
internal sealed class LayerParser
{
    private const string FlattenedSize = "the flattened size";

    private readonly List<DiagnosticInfo> _diagnostics;
    private bool _hasErrors;

    public LayerParser(List<DiagnosticInfo> diagnostics)
    {
        _diagnostics = diagnostics;
    }

    /// <summary>Result of one layer; <see cref="OutputShape"/> is null when it could not be inferred.</summary>
    internal sealed record Result(string ModuleType, LayerArguments? Arguments, long[]? OutputShape, long ParameterCount, bool HasErrors);

    /// <param name="kind">Layer attribute kind.</param>
    /// <param name="arguments">Arguments of the attribute application.</param>
    /// <param name="label">Layer description for messages, such as "Linear at index 8".</param>
    /// <param name="inputDescription">What feeds the layer, for messages, such as "the output of Flatten at index 7".</param>
    /// <param name="input">Input shape, or null when an earlier error left it unknown; then only the arguments are checked.</param>
    public Result Parse(LayerKind kind, AttributeArguments arguments, string label, string inputDescription, long[]? input)
    {
        _hasErrors = false;
        return kind switch
        {
            LayerKind.Linear => Linear(arguments, label, inputDescription, input),
            LayerKind.Conv2d => Conv2d(arguments, label, inputDescription, input),
            LayerKind.BatchNorm => BatchNorm(arguments, label, input),
            LayerKind.MaxPool2d => Pool(arguments, label, inputDescription, input, "MaxPool2d"),
            LayerKind.AvgPool2d => Pool(arguments, label, inputDescription, input, "AvgPool2d"),
            LayerKind.GlobalAvgPool => GlobalAvgPool(label, inputDescription, input, arguments),
            LayerKind.Flatten => Flatten(label, input, arguments),
            LayerKind.LeakyReLU => Scalar(arguments, "LeakyReLU", input, "negativeSlope", LayerDefaults.LeakyReLUSlope,
                value => !double.IsNaN(value) && !double.IsInfinity(value), label, "NegativeSlope", "a finite number"),
            LayerKind.ELU => Scalar(arguments, "ELU", input, "alpha", LayerDefaults.EluAlpha,
                value => !double.IsNaN(value) && !double.IsInfinity(value), label, "Alpha", "a finite number"),
            LayerKind.GaussianNoise => Scalar(arguments, "GaussianNoise", input, "std", 0.0,
                value => value >= 0 && !double.IsInfinity(value), label, "Std", "zero or a positive finite number"),
            LayerKind.Dropout => Dropout(arguments, label, input),
            LayerKind.Softplus => Softplus(arguments, label, input),
            LayerKind.ReLU => Activation("ReLU", input),
            LayerKind.Tanh => Activation("Tanh", input),
            LayerKind.Sigmoid => Activation("Sigmoid", input),
            LayerKind.GELU => Activation("GELU", input),
            _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "Unknown layer kind."),
        };
    }

    private Result Linear(AttributeArguments arguments, string label, string inputDescription, long[]? input)
    {
        long outFeatures = PositiveSize(arguments.Constructor("outFeatures"), label, "OutFeatures");
        bool bias = arguments.Named("Bias").AsBool(LayerDefaults.Bias);
        if (input is null || !RequireRank(input, 1, label, inputDescription, arguments.AttributeLocation) || outFeatures < 1)
        {
            return Failed("Linear");
        }

        long inFeatures = input[0];
        long? weights = Shapes.Multiply(inFeatures, outFeatures);
        long? parameters = weights is null ? null : Shapes.Add(weights.Value, bias ? outFeatures : 0);
        if (parameters is null)
        {
            return TooLarge("Linear", label, "the parameter count", arguments.AttributeLocation);
        }

        return Done("Linear", new LinearArguments(inFeatures, outFeatures, bias), new[] { outFeatures }, parameters.Value);
    }

    private Result Conv2d(AttributeArguments arguments, string label, string inputDescription, long[]? input)
    {
        long outChannels = PositiveSize(arguments.Constructor("outChannels"), label, "OutChannels");
        ArgumentValue kernelValue = arguments.Named("Kernel");
        long kernel = PositiveSize(kernelValue, label, "Kernel", LayerDefaults.ConvKernel);
        long stride = Stride(arguments.Named("Stride"), label, LayerDefaults.ConvStride, allowZero: false);
        long padding = Padding(arguments.Named("Padding"), label, kernel: null);
        bool bias = arguments.Named("Bias").AsBool(LayerDefaults.Bias);
        if (input is null || !RequireRank(input, 3, label, inputDescription, arguments.AttributeLocation) || _hasErrors)
        {
            return Failed("Conv2d");
        }

        long[]? spatial = SpatialOutput(input, kernel, stride, padding, label, kernelValue);
        if (spatial is null)
        {
            return Failed("Conv2d");
        }

        long inChannels = input[0];
        long? weights = Shapes.Multiply(outChannels, inChannels, kernel, kernel);
        long? parameters = weights is null ? null : Shapes.Add(weights.Value, bias ? outChannels : 0);
        if (parameters is null)
        {
            return TooLarge("Conv2d", label, "the parameter count", arguments.AttributeLocation);
        }

        return Done(
            "Conv2d",
            new Conv2dArguments(inChannels, outChannels, kernel, stride, padding, bias),
            new[] { outChannels, spatial[0], spatial[1] },
            parameters.Value);
    }

    private Result Pool(AttributeArguments arguments, string label, string inputDescription, long[]? input, string moduleType)
    {
        ArgumentValue kernelValue = arguments.Constructor("kernel");
        long kernel = PositiveSize(kernelValue, label, "Kernel");
        long stride = Stride(arguments.Named("Stride"), label, LayerDefaults.PoolStride, allowZero: true);
        long padding = Padding(arguments.Named("Padding"), label, kernel >= 1 ? kernel : null);
        if (input is null || !RequireRank(input, 3, label, inputDescription, arguments.AttributeLocation) || _hasErrors)
        {
            return Failed(moduleType);
        }

        long effectiveStride = stride == 0 ? kernel : stride;
        long[]? spatial = SpatialOutput(input, kernel, effectiveStride, padding, label, kernelValue);
        if (spatial is null)
        {
            return Failed(moduleType);
        }

        return Done(moduleType, new PoolArguments(kernel, effectiveStride, padding), new[] { input[0], spatial[0], spatial[1] }, 0);
    }

    private Result BatchNorm(AttributeArguments arguments, string label, long[]? input)
    {
        ArgumentValue momentumValue = arguments.Named("Momentum");
        double momentum = momentumValue.AsDouble(LayerDefaults.BatchNormMomentum);
        if (!(momentum >= 0 && momentum <= 1))
        {
            Report(DiagnosticDescriptors.ArgumentOutOfRange, momentumValue.Location, label, "Momentum", Shapes.Format(momentum), "between 0 and 1");
        }

        ArgumentValue epsilonValue = arguments.Named("Epsilon");
        double epsilon = epsilonValue.AsDouble(LayerDefaults.BatchNormEpsilon);
        if (!(epsilon > 0) || double.IsInfinity(epsilon))
        {
            Report(DiagnosticDescriptors.ArgumentOutOfRange, epsilonValue.Location, label, "Epsilon", Shapes.Format(epsilon), "a positive finite number");
        }

        if (input is null || _hasErrors)
        {
            return Failed(input is null ? "BatchNorm" : BatchNormType(input));
        }

        long features = input[0];
        return Done(BatchNormType(input), new BatchNormArguments(features, momentum, epsilon), input, 2 * features);
    }

    private static string BatchNormType(long[] input) => input.Length == 1 ? "BatchNorm1d" : "BatchNorm2d";

    private Result GlobalAvgPool(string label, string inputDescription, long[]? input, AttributeArguments arguments)
    {
        if (input is null || !RequireRank(input, 3, label, inputDescription, arguments.AttributeLocation))
        {
            return Failed("GlobalAvgPool");
        }

        return Done("GlobalAvgPool", NoArguments.Instance, new[] { input[0] }, 0);
    }

    private Result Flatten(string label, long[]? input, AttributeArguments arguments)
    {
        if (input is null)
        {
            return Failed("Flatten");
        }

        long? size = Shapes.Multiply(input);
        if (size is null || size.Value > Shapes.MaxDimension)
        {
            return TooLarge("Flatten", label, FlattenedSize, arguments.AttributeLocation);
        }

        return Done("Flatten", NoArguments.Instance, new[] { size.Value }, 0);
    }

    private Result Dropout(AttributeArguments arguments, string label, long[]? input)
    {
        ArgumentValue value = arguments.Constructor("probability");
        double probability = value.AsDouble(LayerDefaults.DropoutProbability);
        if (!(probability >= 0 && probability < 1))
        {
            Report(DiagnosticDescriptors.InvalidDropoutProbability, value.Location, label, Shapes.Format(probability));
        }

        return input is null || _hasErrors ? Failed("Dropout") : Done("Dropout", new ScalarArguments(probability), input, 0);
    }

    private Result Softplus(AttributeArguments arguments, string label, long[]? input)
    {
        ArgumentValue betaValue = arguments.Named("Beta");
        double beta = betaValue.AsDouble(LayerDefaults.SoftplusBeta);
        if (!(beta > 0) || double.IsInfinity(beta))
        {
            Report(DiagnosticDescriptors.ArgumentOutOfRange, betaValue.Location, label, "Beta", Shapes.Format(beta), "a positive finite number");
        }

        ArgumentValue thresholdValue = arguments.Named("Threshold");
        double threshold = thresholdValue.AsDouble(LayerDefaults.SoftplusThreshold);
        if (double.IsNaN(threshold) || double.IsInfinity(threshold))
        {
            Report(DiagnosticDescriptors.ArgumentOutOfRange, thresholdValue.Location, label, "Threshold", Shapes.Format(threshold), "a finite number");
        }

        return input is null || _hasErrors ? Failed("Softplus") : Done("Softplus", new SoftplusArguments(beta, threshold), input, 0);
    }

    private Result Scalar(
        AttributeArguments arguments,
        string moduleType,
        long[]? input,
        string parameterName,
        double defaultValue,
        System.Func<double, bool> isValid,
        string label,
        string propertyName,
        string validRange)
    {
        ArgumentValue value = arguments.Constructor(parameterName);
        double number = value.AsDouble(defaultValue);
        if (!isValid(number))
        {
            Report(DiagnosticDescriptors.ArgumentOutOfRange, value.Location, label, propertyName, Shapes.Format(number), validRange);
        }

        return input is null || _hasErrors ? Failed(moduleType) : Done(moduleType, new ScalarArguments(number), input, 0);
    }

    private Result Activation(string moduleType, long[]? input) =>
        input is null ? Failed(moduleType) : Done(moduleType, NoArguments.Instance, input, 0);

    private long PositiveSize(ArgumentValue value, string label, string propertyName, int defaultValue = 0)
    {
        int size = value.AsInt(defaultValue);
        if (size < 1)
        {
            Report(DiagnosticDescriptors.NonPositiveSize, value.Location, label, propertyName, Shapes.Format(size));
        }

        return size;
    }

    private long Stride(ArgumentValue value, string label, int defaultValue, bool allowZero)
    {
        int stride = value.AsInt(defaultValue);
        if (stride < 0 || (stride == 0 && !allowZero))
        {
            string validRange = allowZero ? "at least 1, or 0 for a stride equal to the kernel size" : "at least 1";
            Report(DiagnosticDescriptors.InvalidStride, value.Location, label, Shapes.Format(stride), validRange);
        }

        return stride;
    }

    /// <summary>Checks the padding; pooling layers also need it to be at most half the kernel, as PyTorch requires.</summary>
    private long Padding(ArgumentValue value, string label, long? kernel)
    {
        int padding = value.AsInt(LayerDefaults.Padding);
        if (padding < 0)
        {
            Report(DiagnosticDescriptors.InvalidPadding, value.Location, label, Shapes.Format(padding), "zero or positive");
        }
        else if (kernel is { } k && padding > k / 2)
        {
            Report(DiagnosticDescriptors.InvalidPadding, value.Location, label, Shapes.Format(padding),
                $"at most half the kernel size ({Shapes.Format(k / 2)} for kernel {Shapes.Format(k)}), as PyTorch requires for pooling");
        }

        return padding;
    }

    private bool RequireRank(long[] input, int rank, string label, string inputDescription, LocationInfo? location)
    {
        if (input.Length == rank)
        {
            return true;
        }

        DiagnosticDescriptor descriptor = rank == 1 ? DiagnosticDescriptors.NeedsFlatInput : DiagnosticDescriptors.NeedsSpatialInput;
        Report(descriptor, location, label, inputDescription, Shapes.Format(input));
        return false;
    }

    /// <summary>Returns the output (height, width), or null after reporting a kernel larger than the padded input.</summary>
    private long[]? SpatialOutput(long[] input, long kernel, long stride, long padding, string label, ArgumentValue kernelValue)
    {
        long height = input[1];
        long width = input[2];
        long paddedHeight = height + (2 * padding);
        long paddedWidth = width + (2 * padding);
        if (kernel > paddedHeight || kernel > paddedWidth)
        {
            Report(DiagnosticDescriptors.KernelLargerThanInput, kernelValue.Location, label,
                Shapes.Format(kernel), Shapes.Format(paddedHeight), Shapes.Format(paddedWidth),
                Shapes.Format(height), Shapes.Format(width), Shapes.Format(padding));
            return null;
        }

        // The padded size is at least the kernel here, so both quotients are non-negative and floor division is plain division.
        return new[] { ((paddedHeight - kernel) / stride) + 1, ((paddedWidth - kernel) / stride) + 1 };
    }

    private Result TooLarge(string moduleType, string label, string what, LocationInfo? location)
    {
        long limit = what == FlattenedSize ? Shapes.MaxDimension : long.MaxValue;
        Report(DiagnosticDescriptors.SizeTooLarge, location, label, what, Shapes.Format(limit));
        return Failed(moduleType);
    }

    private Result Done(string moduleType, LayerArguments arguments, long[] output, long parameterCount) =>
        new(moduleType, arguments, output, parameterCount, _hasErrors);

    private Result Failed(string moduleType) => new(moduleType, null, null, 0, _hasErrors);

    private void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params object[] arguments)
    {
        _hasErrors = true;
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
    }
}
