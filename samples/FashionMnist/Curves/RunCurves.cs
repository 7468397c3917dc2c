using System.Collections.Generic;

namespace VatDsl.Samples.FashionMnist.Curves;

/// <summary>The learning curves of one run and the name the figure's legend gives it.</summary>
internal sealed record RunCurves(string Name, IReadOnlyList<CurvePoint> Points);
