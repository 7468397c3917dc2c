using Microsoft.CodeAnalysis;

namespace VatDsl.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the VatDsl generator reports. IDs are never reused: a retired ID stays
/// listed in AnalyzerReleases.Shipped.md. Each ID has a page under docs/diagnostics/.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "VatDsl";

    private const string HelpLinkBase = "https://github.com/vatdsl/vatdsl/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor NotPartial = Error(
        "VAT001",
        "Network class must be partial",
        "Network class '{0}' must be partial so that VatDsl can generate its layers and training methods; add the 'partial' modifier to every declaration of '{0}'");

    public static readonly DiagnosticDescriptor StaticClass = Error(
        "VAT002",
        "Network class must not be static",
        "Network class '{0}' is static, but a network is a module that must be instantiated; remove the 'static' modifier");

    public static readonly DiagnosticDescriptor GenericClass = Error(
        "VAT003",
        "Network class must not be generic",
        "Network class '{0}' has type parameters, which VatDsl does not support because layer shapes are fixed at compile time; remove the type parameters");

    public static readonly DiagnosticDescriptor NestedInGenericType = Error(
        "VAT004",
        "Network class must not be nested in a generic type",
        "Network class '{0}' is nested in the generic type '{1}', which VatDsl does not support; move '{0}' out of '{1}'");

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        "VAT005",
        "Type containing a network class must be partial",
        "Network class '{0}' is nested in '{1}', which is not partial, so the generated code cannot extend it; add the 'partial' modifier to '{1}'");

    public static readonly DiagnosticDescriptor HasBaseClass = Error(
        "VAT006",
        "Network class must not declare a base class",
        "Network class '{0}' derives from '{1}', but VatDsl makes it derive from TorchSharp's Module<Tensor, Tensor>; remove the base class");

    public static readonly DiagnosticDescriptor RecordNetwork = Error(
        "VAT007",
        "Network must be a class, not a record",
        "Network '{0}' is a record, but a record cannot derive from TorchSharp's Module<Tensor, Tensor>; declare it as a 'partial class'");

    public static readonly DiagnosticDescriptor LayersOnSeveralDeclarations = Error(
        "VAT008",
        "Layer attributes are spread over several partial declarations",
        "Layer attributes of network '{0}' are spread over several partial declarations, so their order is undefined; keep all layer attributes on one declaration");

    public static readonly DiagnosticDescriptor NoLayers = Error(
        "VAT009",
        "Network declares no layers",
        "Network '{0}' declares no layers; add layer attributes such as [Flatten, Linear(10)] next to [Network(...)]");

    public static readonly DiagnosticDescriptor InvalidInputRank = Error(
        "VAT010",
        "Input shape must have rank 1 or 3",
        "Network '{0}' declares the input shape {1} of rank {2}, but the input shape must be (features) or (channels, height, width); pass 1 or 3 sizes to [Network(...)]");

    public static readonly DiagnosticDescriptor NonPositiveInputDimension = Error(
        "VAT011",
        "Input dimension must be positive",
        "Network '{0}' declares the input shape {1}, whose size at index {2} is {3}; every input size must be at least 1");

    public static readonly DiagnosticDescriptor NonPositiveSize = Error(
        "VAT012",
        "Layer size must be positive",
        "{0}: {1} is {2}, but it must be at least 1");

    public static readonly DiagnosticDescriptor InvalidStride = Error(
        "VAT013",
        "Stride is invalid",
        "{0}: Stride is {1}, but it must be {2}");

    public static readonly DiagnosticDescriptor InvalidPadding = Error(
        "VAT014",
        "Padding is invalid",
        "{0}: Padding is {1}, but it must be {2}");

    public static readonly DiagnosticDescriptor InvalidDropoutProbability = Error(
        "VAT015",
        "Dropout probability must be in [0, 1)",
        "{0}: the dropout probability is {1}, but it must be at least 0 and less than 1 (for example 0.5)");

    public static readonly DiagnosticDescriptor ArgumentOutOfRange = Error(
        "VAT016",
        "Layer argument is out of range",
        "{0}: {1} is {2}, but it must be {3}");

    public static readonly DiagnosticDescriptor NeedsFlatInput = Error(
        "VAT017",
        "Layer needs a 1-D input",
        "{0} needs a 1-D input, but {1} has shape {2}; add [Flatten] or [GlobalAvgPool] before it");

    public static readonly DiagnosticDescriptor NeedsSpatialInput = Error(
        "VAT018",
        "Layer needs a (channels, height, width) input",
        "{0} needs a (channels, height, width) input, but {1} has the 1-D shape {2}; move it before [Flatten], or declare a 3-D input shape in [Network(...)]");

    public static readonly DiagnosticDescriptor KernelLargerThanInput = Error(
        "VAT019",
        "Kernel is larger than the padded input",
        "{0}: the kernel size {1} is larger than the padded input {2}x{3} (input {4}x{5} plus padding {6} on each side), so the output would be empty; use a smaller kernel or more padding, or remove a downsampling layer before it");

    public static readonly DiagnosticDescriptor ClassCountMismatch = Error(
        "VAT020",
        "Classes does not match the output of the last layer",
        "Network '{0}' declares Classes = {1}, but its last layer outputs {2} logits; make the last layer output {1} values, or change Classes");

    public static readonly DiagnosticDescriptor OutputNotVector = Error(
        "VAT021",
        "Network must end in a 1-D vector of logits",
        "Network '{0}' ends with the output shape {1}, but a classifier must end in a 1-D vector of logits; add [Flatten] or [GlobalAvgPool] followed by [Linear(classes)]");

    public static readonly DiagnosticDescriptor TooFewClasses = Error(
        "VAT022",
        "Network needs at least 2 classes",
        "Network '{0}' {1}, but a classifier needs at least 2 classes; {2}");

    public static readonly DiagnosticDescriptor InvalidLayerName = Error(
        "VAT023",
        "Layer name is invalid",
        "{0}: Name \"{1}\" is not a valid layer name; use ASCII letters, digits and underscores, starting with a letter or underscore (PyTorch module names cannot contain '.')");

    public static readonly DiagnosticDescriptor DuplicateLayerName = Error(
        "VAT024",
        "Layer name is already used",
        "{0}: Name \"{1}\" is already used by the layer at index {2}; state_dict keys must be unique, so choose another name");

    public static readonly DiagnosticDescriptor LayerNameClash = Error(
        "VAT025",
        "Layer name clashes with a generated member",
        "{0}: Name \"{1}\" generates the member '{2}', which clashes with {3}; choose another name");

    public static readonly DiagnosticDescriptor InvalidVatOption = Error(
        "VAT026",
        "[Vat] option is out of range",
        "[Vat] {0} is {1}, but it must be {2}");

    public static readonly DiagnosticDescriptor AttributeWithoutNetwork = Warning(
        "VAT027",
        "VatDsl attribute without [Network] has no effect",
        "[{0}] on '{1}' has no effect because '{1}' has no [Network] attribute; add [Network(...)] with the input shape, or remove the attribute");

    public static readonly DiagnosticDescriptor LastLayerIsActivation = Warning(
        "VAT028",
        "Network ends with an activation",
        "Network '{0}' ends with {1}, but its output is used as logits for softmax cross-entropy and the VAT KL divergence, so an activation there limits what the network can express; end with a layer such as Linear, or remove the activation");

    public static readonly DiagnosticDescriptor MemberConflict = Error(
        "VAT029",
        "Network class declares a member that VatDsl generates",
        "Network class '{0}' declares '{1}', which VatDsl generates; rename or remove it");

    public static readonly DiagnosticDescriptor SizeTooLarge = Error(
        "VAT030",
        "Layer is too large",
        "{0}: {1} exceeds {2}; use smaller layer sizes");

    public static readonly DiagnosticDescriptor UnsupportedLayer = Error(
        "VAT031",
        "Layer attribute is not supported by this generator",
        "Layer attribute '{0}' is not supported by this version of the VatDsl generator; use VatDsl packages of one version so that the generator knows every layer of the runtime");

    public static readonly DiagnosticDescriptor ClassNameClash = Error(
        "VAT032",
        "Network class has the name of a generated member",
        "Network class '{0}' has the name of a member that VatDsl generates, and C# does not allow a member named like its class; rename the class");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "VAT999",
        "VatDsl generator failed",
        "The VatDsl generator failed on '{0}' with {1}: {2}; please report this together with the declaration");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        Create(id, title, message, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        Create(id, title, message, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
