using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace VatDsl.Generators.Tests.Fuzzing;

/// <summary>
/// Builds random network declarations from the attribute grammar. Each starts valid by
/// construction, because the builder tracks the per-sample shape so that every kernel fits and
/// Linear only follows a 1-D output. Most then receive one mutation whose outcome is known.
/// </summary>
internal sealed class DeclarationFuzzer
{
    private readonly Random _random;
    private int _nameCounter;

    public DeclarationFuzzer(int seed)
    {
        _random = new Random(seed);
    }

    public FuzzDeclaration Next(int index)
    {
        var declaration = new FuzzDeclaration(index);
        BuildValid(declaration);

        // About a third stays valid; the rest get one mutation.
        if (_random.NextDouble() < 0.35)
        {
            return declaration;
        }

        if (_random.NextDouble() < 0.15)
        {
            BreakSyntax(declaration);
        }
        else
        {
            Mutate(declaration);
        }

        return declaration;
    }

    private void BuildValid(FuzzDeclaration declaration)
    {
        bool spatial = _random.Next(2) == 0;
        int classes = _random.Next(2, 11);
        int[] shape;
        if (spatial)
        {
            shape = new[] { _random.Next(1, 5), _random.Next(4, 33), _random.Next(4, 33) };
            declaration.InputShape.AddRange(shape.Select(Int));
            AddSpatialLayers(declaration, ref shape);
            declaration.Layers.Add(_random.Next(2) == 0 ? new FuzzLayer("Flatten") : new FuzzLayer("GlobalAvgPool"));
        }
        else
        {
            declaration.InputShape.Add(Int(_random.Next(1, 65)));
        }

        AddVectorLayers(declaration);
        var last = new FuzzLayer("Linear", Int(classes));
        if (_random.Next(4) == 0)
        {
            last.With("Bias", "false");
        }

        declaration.Layers.Add(last);
        if (_random.Next(6) == 0)
        {
            declaration.Layers.Add(new FuzzLayer("BatchNorm"));
        }

        if (_random.Next(3) == 0)
        {
            declaration.Classes = Int(classes);
        }

        if (_random.Next(3) == 0)
        {
            AddValidVatOptions(declaration);
        }

        foreach (FuzzLayer layer in declaration.Layers.Where(_ => _random.Next(4) == 0))
        {
            layer.With("Name", $"\"l{_nameCounter++}\"");
        }
    }

    /// <summary>Adds convolution and pooling layers whose kernels fit the tracked (channels, height, width) shape.</summary>
    private void AddSpatialLayers(FuzzDeclaration declaration, ref int[] shape)
    {
        int count = _random.Next(0, 5);
        for (int i = 0; i < count; i++)
        {
            switch (_random.Next(5))
            {
                case 0:
                case 1:
                {
                    int padding = _random.Next(0, 3);
                    int kernel = _random.Next(1, Math.Min(Math.Min(shape[1], shape[2]) + (2 * padding), 6) + 1);
                    int stride = _random.Next(1, 3);
                    int channels = _random.Next(1, 17);
                    var conv = new FuzzLayer("Conv2d", Int(channels)).With("Kernel", Int(kernel));
                    if (stride != 1 || _random.Next(2) == 0)
                    {
                        conv.With("Stride", Int(stride));
                    }

                    if (padding != 0 || _random.Next(2) == 0)
                    {
                        conv.With("Padding", Int(padding));
                    }

                    declaration.Layers.Add(conv);
                    shape = new[] { channels, Output(shape[1], kernel, stride, padding), Output(shape[2], kernel, stride, padding) };
                    break;
                }

                case 2:
                {
                    int limit = Math.Min(shape[1], shape[2]);
                    if (limit < 2)
                    {
                        break;
                    }

                    int kernel = _random.Next(2, Math.Min(limit, 4) + 1);
                    int padding = _random.Next(0, (kernel / 2) + 1);
                    int stride = _random.Next(0, 3);
                    var pool = new FuzzLayer(_random.Next(2) == 0 ? "MaxPool2d" : "AvgPool2d", Int(kernel));
                    if (stride != 0)
                    {
                        pool.With("Stride", Int(stride));
                    }

                    if (padding != 0)
                    {
                        pool.With("Padding", Int(padding));
                    }

                    declaration.Layers.Add(pool);
                    int effectiveStride = stride == 0 ? kernel : stride;
                    shape = new[] { shape[0], Output(shape[1], kernel, effectiveStride, padding), Output(shape[2], kernel, effectiveStride, padding) };
                    break;
                }

                default:
                    declaration.Layers.Add(ShapeNeutralLayer());
                    break;
            }
        }
    }

    private void AddVectorLayers(FuzzDeclaration declaration)
    {
        int count = _random.Next(0, 5);
        for (int i = 0; i < count; i++)
        {
            declaration.Layers.Add(_random.Next(3) == 0 ? new FuzzLayer("Linear", Int(_random.Next(1, 65))) : ShapeNeutralLayer());
        }
    }

    private FuzzLayer ShapeNeutralLayer() => _random.Next(11) switch
    {
        0 => new FuzzLayer("ReLU"),
        1 => new FuzzLayer("LeakyReLU", Real(0, 0.5)),
        2 => new FuzzLayer("Tanh"),
        3 => new FuzzLayer("Sigmoid"),
        4 => new FuzzLayer("GELU"),
        5 => new FuzzLayer("Softplus").With("Beta", Real(0.5, 3)),
        6 => new FuzzLayer("ELU", Real(0.1, 2)),
        7 => new FuzzLayer("Dropout", Real(0, 0.9)),
        8 => new FuzzLayer("GaussianNoise", Real(0, 1)),
        9 => new FuzzLayer("BatchNorm").With("Momentum", Real(0, 1)),
        _ => new FuzzLayer("BatchNorm"),
    };

    private void AddValidVatOptions(FuzzDeclaration declaration)
    {
        declaration.VatOptions.Add("Epsilon = " + Real(0.1, 8));
        if (_random.Next(2) == 0)
        {
            declaration.VatOptions.Add("PowerIterations = " + Int(_random.Next(1, 4)));
        }

        if (_random.Next(2) == 0)
        {
            declaration.VatOptions.Add("EntropyWeight = " + Real(0, 1));
        }
    }

    /// <summary>Applies one mutation with a known diagnostic. Mutations that do not apply fall back to a [Vat] option error.</summary>
    private void Mutate(FuzzDeclaration declaration)
    {
        bool spatialInput = declaration.InputShape.Count == 3;
        int choice = _random.Next(26);
        declaration.Expectation = FuzzExpectation.VatError;
        switch (choice)
        {
            case 0:
                Expect(declaration, "VAT001", "no partial");
                declaration.Modifiers = "internal";
                return;
            case 1:
                Expect(declaration, "VAT002", "static");
                declaration.Modifiers = "internal static partial";
                return;
            case 2:
                Expect(declaration, "VAT003", "generic");
                declaration.TypeParameters = "<T>";
                return;
            case 3:
                Expect(declaration, "VAT007", "record");
                declaration.Keyword = "record";
                return;
            case 4 when declaration.Layers.Count >= 2:
                Expect(declaration, "VAT008", "split layers");
                declaration.SplitAt = _random.Next(1, declaration.Layers.Count);
                return;
            case 5:
                Expect(declaration, "VAT009", "no layers");
                declaration.Layers.Clear();
                declaration.Classes = null;
                return;
            case 6:
                Expect(declaration, "VAT010", "input rank");
                declaration.InputShape.Clear();
                declaration.InputShape.AddRange(Enumerable.Range(0, _random.Next(2) == 0 ? 2 : 4).Select(_ => Int(_random.Next(1, 9))));
                return;
            case 7:
                Expect(declaration, "VAT011", "input size");
                declaration.InputShape[_random.Next(declaration.InputShape.Count)] = Int(-_random.Next(0, 5));
                return;
            case 8:
                Expect(declaration, "VAT012", "layer size");
                declaration.Layers.Last(layer => layer.Attribute == "Linear").Positional[0] = Int(-_random.Next(0, 3));
                return;
            case 9 when declaration.Layers.Any(layer => layer.IsSpatial):
            {
                Expect(declaration, "VAT013", "stride");
                FuzzLayer layer = declaration.Layers.First(candidate => candidate.IsSpatial);
                layer.With("Stride", layer.Attribute == "Conv2d" ? Int(-_random.Next(0, 2)) : "-1");
                return;
            }

            case 10 when declaration.Layers.Any(layer => layer.IsSpatial):
                Expect(declaration, "VAT014", "padding");
                declaration.Layers.First(layer => layer.IsSpatial).With("Padding", "-1");
                return;
            case 11:
                Expect(declaration, "VAT015", "dropout probability");
                Insert(declaration, new FuzzLayer("Dropout", Pick("1.0", "1.5", "-0.25", "double.NaN")));
                return;
            case 12:
                Expect(declaration, "VAT016", "real argument");
                Insert(declaration, Pick(
                    new FuzzLayer("LeakyReLU", "double.NaN"),
                    new FuzzLayer("GaussianNoise", "-0.5"),
                    new FuzzLayer("BatchNorm").With("Epsilon", "0"),
                    new FuzzLayer("BatchNorm").With("Momentum", "2.5"),
                    new FuzzLayer("Softplus").With("Beta", "-1"),
                    new FuzzLayer("ELU", "double.NegativeInfinity")));
                return;
            case 13 when spatialInput:
                Expect(declaration, "VAT017", "Linear on spatial input");
                declaration.Layers.Insert(0, new FuzzLayer("Linear", "5"));
                return;
            case 14:
            {
                Expect(declaration, "VAT018", "spatial layer on 1-D input");
                int position = spatialInput ? declaration.Layers.FindIndex(layer => layer.Attribute is "Flatten" or "GlobalAvgPool") + 1 : 0;
                declaration.Layers.Insert(position, Pick(new FuzzLayer("Conv2d", "4"), new FuzzLayer("MaxPool2d", "2"), new FuzzLayer("AvgPool2d", "2"), new FuzzLayer("GlobalAvgPool")));
                return;
            }

            case 15 when spatialInput:
                Expect(declaration, "VAT019", "kernel larger than input");
                declaration.Layers.Insert(0, new FuzzLayer("Conv2d", "3").With("Kernel", "40"));
                return;
            case 16:
            {
                Expect(declaration, "VAT020", "Classes mismatch");
                int classes = int.Parse(declaration.Layers.Last(layer => layer.Attribute == "Linear").Positional[0], CultureInfo.InvariantCulture);
                declaration.Classes = Int(classes + _random.Next(1, 5));
                return;
            }

            case 17 when spatialInput:
            {
                Expect(declaration, "VAT021", "spatial output");
                int cut = declaration.Layers.FindIndex(layer => layer.Attribute is "Flatten" or "GlobalAvgPool");
                declaration.Layers.RemoveRange(cut, declaration.Layers.Count - cut);
                declaration.Layers.Add(new FuzzLayer("BatchNorm"));
                declaration.Classes = null;
                return;
            }

            case 18:
                Expect(declaration, "VAT022", "one class");
                declaration.Layers.Last(layer => layer.Attribute == "Linear").Positional[0] = "1";
                declaration.Classes = null;
                return;
            case 19:
                Expect(declaration, "VAT023", "invalid name");
                Pick(declaration.Layers).With("Name", Pick("\"a.b\"", "\"\"", "\"9x\"", "\"with space\""));
                return;
            case 20 when declaration.Layers.Count >= 2:
                Expect(declaration, "VAT024", "duplicate name");
                declaration.Layers[0].With("Name", "\"same\"");
                declaration.Layers[declaration.Layers.Count - 1].With("Name", "\"same\"");
                return;
            case 21:
                Expect(declaration, "VAT025", "name clash");
                Pick(declaration.Layers).With("Name", Pick("\"summary\"", "\"trainStep\"", "\"inputShape\"", "\"Net\""));
                return;
            case 22:
                Expect(declaration, "VAT029", "user member");
                declaration.Body = Pick("    public static int ClassCount => 1;", "    public void Evaluate() { }", "    private int _layer0 = 0;");
                declaration.Layers[0].Named.Remove("Name");
                return;
            case 23:
                Expect(declaration, "VAT032", "class named like a member");
                declaration.ClassName = Pick("Summary", "Evaluate", "TrainStep");
                return;
            default:
                Expect(declaration, "VAT026", "[Vat] option");
                string option = Pick("Epsilon = 0", "Xi = -1", "PowerIterations = 0", "Alpha = -0.5", "EntropyWeight = double.NaN");
                string property = option.Substring(0, option.IndexOf(' '));
                declaration.VatOptions.RemoveAll(existing => existing.StartsWith(property + " ", StringComparison.Ordinal));
                declaration.VatOptions.Add(option);
                return;
        }
    }

    private void BreakSyntax(FuzzDeclaration declaration)
    {
        declaration.Expectation = FuzzExpectation.CompilerError;
        switch (_random.Next(5))
        {
            case 0:
                declaration.Mutation = "unclosed attribute list";
                declaration.TextEdits.Add((")]\n", ")\n"));
                break;
            case 1:
                declaration.Mutation = "trailing comma in arguments";
                declaration.TextEdits.Add(("Linear(", "Linear(,"));
                break;
            case 2:
                declaration.Mutation = "misspelled layer";
                declaration.TextEdits.Add(("Linear(", "Lineer("));
                break;
            case 3:
                declaration.Mutation = "string argument";
                declaration.TextEdits.Add(("Linear(", "Linear(\"ten\", "));
                break;
            default:
                declaration.Mutation = "misspelled property";
                declaration.Layers.Last(layer => layer.Attribute == "Linear").With("Biass", "true");
                break;
        }
    }

    private void Insert(FuzzDeclaration declaration, FuzzLayer layer) =>
        declaration.Layers.Insert(_random.Next(declaration.Layers.Count + 1), layer);

    private static void Expect(FuzzDeclaration declaration, string id, string mutation)
    {
        declaration.ExpectedId = id;
        declaration.Mutation = mutation;
    }

    private T Pick<T>(params T[] options) => options[_random.Next(options.Length)];

    private T Pick<T>(List<T> options) => options[_random.Next(options.Count)];

    private string Real(double min, double max) =>
        Math.Round(min + (_random.NextDouble() * (max - min)), 3).ToString("0.0##", CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Output(int size, int kernel, int stride, int padding) => ((size + (2 * padding) - kernel) / stride) + 1;
}
